import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { type AppOptions, buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { ServerLimits } from '../../src/server-limits.ts'
import { fixedClock } from '../../src/time/clock.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'
import { FIXED_INSTANT } from '../fixtures.ts'

const zones = createZoneRegistry()

export type LogLine = Record<string, unknown> & { msg?: string; url?: string; status?: number }

/** The real server on 127.0.0.1, a free port, short timeouts, and its log lines kept for assertions. */
export const startServer = async (
  limits: Partial<ServerLimits> = {},
  options: Pick<AppOptions, 'metrics'> & { setup?: (app: FastifyInstance) => void } = {},
) => {
  const lines: string[] = []
  const app = buildApp({
    config: loadConfig({ LOG_LEVEL: 'info' }, zones.resolve),
    clock: fixedClock(FIXED_INSTANT),
    zones,
    // Kept raw and parsed on demand, so logging costs the test what it costs production.
    logStream: { write: (line: string) => lines.push(line) },
    limits: {
      headersTimeout: 1_500,
      requestTimeout: 2_000,
      connectionsCheckingInterval: 100,
      lingerMs: 500,
      ...limits,
    },
    ...(options.metrics ? { metrics: options.metrics } : {}),
  })
  // Test-only routes, e.g. one that holds its request open.
  options.setup?.(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const logs = (): LogLine[] => lines.map((line) => JSON.parse(line))
  return { app, port, base: `http://127.0.0.1:${port}`, logs }
}

/** A connection kept open: what the server sent so far, and the ms from connect to its close. */
export type OpenConnection = { socket: Socket; text: () => string; closed: Promise<number> }

/** Connects to 127.0.0.1:port and records what comes back until the server closes. */
export const openConnection = async (port: number): Promise<OpenConnection> => {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  let text = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => {
    text += chunk
  })
  socket.on('error', () => {})
  const started = Date.now()
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => resolve(Date.now() - started)),
  )
  return { socket, text: () => text, closed }
}

export type Exchange = {
  /** Everything the server sent, byte for byte (latin1). */
  text: string
  /** Whether the server closed the connection within the wait. */
  closed: boolean
}

/** Writes bytes exactly as given on a fresh connection; resolves at close, or after waitMs open. */
export const exchange = (port: number, bytes: string | Buffer, waitMs = 3_000) =>
  new Promise<Exchange>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      text += chunk
    })
    // A reset after the answer is a close too.
    socket.on('error', () => {})
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ text, closed: false })
    }, waitMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ text, closed: true })
    })
  })

export type Response = { status: number; headers: Record<string, string>; body: string }

/** Splits what a socket received into HTTP/1.1 responses (Content-Length or chunked bodies). */
export const parseResponses = (text: string): Response[] => {
  const responses: Response[] = []
  let rest = text
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0) break
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n')
    const headers: Record<string, string> = {}
    for (const line of lines) {
      const colon = line.indexOf(':')
      const name = line.slice(0, colon).trim().toLowerCase()
      const value = line.slice(colon + 1).trim()
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
    }
    rest = rest.slice(end + 4)
    let body = ''
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length'])
      body = rest.slice(0, length)
      rest = rest.slice(length)
    } else if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const lineEnd = rest.indexOf('\r\n')
        const size = Number.parseInt(rest.slice(0, lineEnd), 16)
        rest = rest.slice(lineEnd + 2)
        if (!(size > 0)) {
          rest = rest.slice(2)
          break
        }
        body += rest.slice(0, size)
        rest = rest.slice(size + 2)
      }
    }
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body })
  }
  return responses
}

/** Exactly one response, and nothing after it. */
export const onlyResponse = (text: string) => {
  const responses = parseResponses(text)
  assert.equal(responses.length, 1, `expected one response, got:\n${text}`)
  return responses[0] as Response
}

/** The security headers of each kind of answer: every page's, and the APIs' few. */
export const SECURITY_HEADER_NAMES = {
  document: [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ],
  api: ['access-control-allow-origin', 'content-security-policy', 'x-content-type-options'],
} as const

export type SecurityReference = Record<keyof typeof SECURITY_HEADER_NAMES, Record<string, string>>

const headersOf = async (url: string, names: readonly string[]) => {
  const res = await fetch(url)
  assert.equal(res.status, 200, url)
  await res.arrayBuffer()
  const headers: Record<string, string> = {}
  for (const name of names) {
    const value = res.headers.get(name)
    assert.ok(value, `a 200 of ${url} lacks ${name}`)
    headers[name] = value
  }
  return headers
}

/** The security headers of a 200 of each kind, the yardstick for every error response. */
export const securityHeadersOf200 = async (base: string): Promise<SecurityReference> => ({
  document: await headersOf(`${base}/`, SECURITY_HEADER_NAMES.document),
  api: await headersOf(`${base}/api/timezone/Europe/Moscow`, SECURITY_HEADER_NAMES.api),
})

const STACK = /\n\s+at |node:internal|\/src\/|\.ts:\d+|\.js:\d+:\d+/

/**
 * An error response carries the security headers of a 200 of its kind (a page's for HTML, the
 * APIs' for anything else: JSON, text, the parser's own answers), no X-Powered-By, and no stack
 * trace.
 */
export const assertSafeError = (response: Response, reference: SecurityReference) => {
  assert.ok(response.status >= 400, `status ${response.status} is no error`)
  const html = response.headers['content-type']?.startsWith('text/html')
  for (const [name, value] of Object.entries(html ? reference.document : reference.api))
    assert.equal(response.headers[name], value, `${response.status} answer: ${name}`)
  assert.equal(response.headers['x-powered-by'], undefined)
  assert.doesNotMatch(response.body, STACK)
}
