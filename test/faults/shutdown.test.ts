import assert from 'node:assert/strict'
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { once } from 'node:events'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { openConnection, parseResponses } from './server.ts'

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname
const FAULT = new URL('./fixtures/throw-on-stdin.ts', import.meta.url).pathname

type Child = {
  child: ChildProcessWithoutNullStreams
  port: number
  lines: () => Array<Record<string, unknown>>
  output: () => string
  exited: Promise<[number | null, NodeJS.Signals | null]>
}

// src/main.ts as production runs it, on a free port, with a fault injector preloaded.
const start = async (env: Record<string, string>): Promise<Child> => {
  const child = spawn(process.execPath, ['--import', FAULT, MAIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: 'off',
      LOG_LEVEL: 'info',
      ...env,
    },
  })
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  const port = await waitFor(
    () => {
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      return match ? Number(match[1]) : undefined
    },
    () => output,
  )
  return { child, port, lines, output: () => output, exited }
}

// Polls (bounded) until a value shows up.
const waitFor = async <T>(look: () => T | undefined, describe: () => string): Promise<T> => {
  for (let i = 0; i < 200; i += 1) {
    const value = look()
    if (value !== undefined) return value
    await sleep(25)
  }
  assert.fail(`gave up waiting; output:\n${describe()}`)
}

const logged = (child: Child, message: string) =>
  waitFor(
    () => (child.lines().some((line) => line.msg === message) ? true : undefined),
    child.output,
  )

const open = openConnection

const REQUEST_HEAD = 'GET /api/timezone/Europe/Moscow HTTP/1.1\r\nHost: 127.0.0.1\r\n'

// A request the server has begun to read: a whole one and the start of the next in one write, so
// the first answer proves the server holds the second, unfinished one.
const inFlightRequest = async (port: number) => {
  const conn = await open(port)
  conn.socket.write(`${REQUEST_HEAD}\r\n${REQUEST_HEAD}`)
  await waitFor(() => (parseResponses(conn.text()).length === 1 ? true : undefined), conn.text)
  return conn
}

test('SIGTERM: keep-alive answers say close during the delay, in-flight requests finish, idle sockets close, exit 0', async () => {
  const server = await start({ SHUTDOWN_DELAY_MS: '600' })
  const idle = await open(server.port)
  idle.socket.write(`${REQUEST_HEAD}\r\n`)
  await waitFor(() => (parseResponses(idle.text()).length === 1 ? true : undefined), idle.text)
  // Kept alive quietly: HTTP/1.1's default, no Connection header (the request gate's choice).
  assert.equal(parseResponses(idle.text())[0]?.headers.connection, undefined)

  const inFlight = await inFlightRequest(server.port)

  server.child.kill('SIGTERM')
  await logged(server, 'shutdown: not ready, still serving')
  // Served through the delay, each answer ending its connection so the client moves elsewhere.
  const during = await open(server.port)
  during.socket.write(`${REQUEST_HEAD}\r\n`)
  await during.closed
  const [duringResponse] = parseResponses(during.text())
  assert.equal(duringResponse?.status, 200)
  assert.equal(duringResponse?.headers.connection, 'close')

  await logged(server, 'shutdown: draining')
  await idle.closed
  assert.equal(parseResponses(idle.text()).length, 1, 'the idle socket got a second answer')

  inFlight.socket.write('\r\n')
  await inFlight.closed
  const [, finished] = parseResponses(inFlight.text())
  assert.equal(finished?.status, 200)
  assert.equal(finished?.headers.connection, 'close')

  const [code, signal] = await server.exited
  assert.equal(signal, null)
  assert.equal(code, 0, server.output())
})

test('an uncaught error is logged once, in-flight requests finish, then the process exits 1', async () => {
  const server = await start({ SHUTDOWN_DELAY_MS: '5000' })
  const inFlight = await inFlightRequest(server.port)

  server.child.stdin.write('fault\n')
  await logged(server, 'shutdown: draining')
  inFlight.socket.write('\r\n')
  await inFlight.closed
  const [, finished] = parseResponses(inFlight.text())
  assert.equal(finished?.status, 200, server.output())
  assert.equal(finished?.headers.connection, 'close')

  const [code] = await server.exited
  assert.equal(code, 1, server.output())
  const mentions = server
    .output()
    .split('\n')
    .filter((line) => line.includes('injected fault'))
  assert.equal(mentions.length, 1, server.output())
  const messages = server.lines().map((line) => line.msg)
  const failed = messages.findIndex((message) => String(message).startsWith('uncaught error'))
  assert.ok(failed >= 0, server.output())
  assert.ok(messages.indexOf('shutdown: closed') > failed, 'exited without closing first')
})

// A request begun and never finished: the line and one header, then silence.
const halfSent = async (port: number) => {
  const conn = await open(port)
  conn.socket.write('GET /api/ip HTTP/1.1\r\nHost: x\r\n')
  return conn
}

test('SIGTERM with 100 half-sent requests open: each gets 408, the process exits 0 in seconds, the log ends with its last line', async () => {
  const server = await start({ SHUTDOWN_DELAY_MS: '500' })
  const silent = await Promise.all(Array.from({ length: 100 }, () => halfSent(server.port)))
  // Dripping ones too: a header line every 200 ms, never the end.
  const dripping = await Promise.all(Array.from({ length: 20 }, () => halfSent(server.port)))
  const drip = setInterval(() => {
    for (const conn of dripping) if (!conn.socket.destroyed) conn.socket.write('X-Drip: 1\r\n')
  }, 200)
  const started = Date.now()
  server.child.kill('SIGTERM')
  const [code, signal] = await server.exited
  clearInterval(drip)
  const seconds = (Date.now() - started) / 1000
  assert.equal(signal, null)
  assert.equal(code, 0, server.output())
  // The shutdown delay, a second for a begun request to finish, and the answers' linger.
  assert.ok(seconds < 5, `exited after ${seconds} s`)
  await Promise.all([...silent, ...dripping].map((conn) => conn.closed))
  for (const conn of [...silent, ...dripping]) {
    const [answer] = parseResponses(conn.text())
    assert.equal(answer?.status, 408, conn.text())
  }
  const messages = server.lines().map((line) => line.msg)
  assert.equal(messages.at(-1), 'shutdown: closed', server.output())
})

test('a second signal during the shutdown delay exits 1 at once', async () => {
  const server = await start({ SHUTDOWN_DELAY_MS: '30000' })
  server.child.kill('SIGTERM')
  await logged(server, 'shutdown: not ready, still serving')
  server.child.kill('SIGTERM')
  const [code] = await server.exited
  assert.equal(code, 1)
  assert.ok(!server.lines().some((line) => line.msg === 'shutdown: closed'))
  // Written in the batch that process.exit would have lost.
  assert.equal(server.lines().at(-1)?.msg, 'second SIGTERM, exiting', server.output())
})
