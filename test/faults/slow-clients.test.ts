import assert from 'node:assert/strict'
import { Agent, get } from 'node:http'
import { connect, type Socket } from 'node:net'
import { test } from 'node:test'
import {
  assertSafeError,
  exchange,
  onlyResponse,
  parseResponses,
  securityHeadersOf200,
  startServer,
} from './server.ts'

const SLOW_SOCKETS = 200
const DRIP_MS = 500
const MAX_DRIPS = 20

type Slow = { text: string; closed: Promise<void> }

// A slowloris client: a request line, then one more header line every half second, never the end.
const slowloris = (port: number) =>
  new Promise<Slow>((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1')
    const slow: Slow = {
      text: '',
      closed: new Promise((done) => socket.on('close', () => done())),
    }
    let drips = 0
    const drip = setInterval(() => {
      drips += 1
      if (drips > MAX_DRIPS) socket.destroy()
      else if (!socket.destroyed) socket.write(`X-Drip-${drips}: ${'x'.repeat(20)}\r\n`)
    }, DRIP_MS)
    slow.closed.then(() => clearInterval(drip))
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      slow.text += chunk
    })
    socket.on('error', () => {})
    socket.once('connect', () => {
      socket.write('GET /api/timezone/Europe/Moscow HTTP/1.1\r\nHost: 127.0.0.1\r\n', () =>
        resolve(slow),
      )
    })
    socket.once('error', reject)
  })

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number

test('slowloris sockets get 408 and are closed while normal requests keep a p99 under 100 ms', async (t) => {
  const server = await startServer({ headersTimeout: 2_000, requestTimeout: 2_500 })
  t.after(() => server.app.close())
  const reference = await securityHeadersOf200(server.base)

  const slow = await Promise.all(Array.from({ length: SLOW_SOCKETS }, () => slowloris(server.port)))
  let open = slow.length
  for (const client of slow)
    client.closed.then(() => {
      open -= 1
    })

  // Normal traffic, eight at a time, for as long as the slow sockets hold on (bounded in count and time).
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const agent = new Agent({ keepAlive: true, maxSockets: 8 })
  t.after(() => agent.destroy())
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const start = performance.now()
      get(`${server.base}/api/timezone/Europe/Moscow`, { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          latencies.push(performance.now() - start)
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1)
          resolve()
        })
      }).on('error', reject)
    })
  const deadline = performance.now() + 20_000
  while ((open > 0 || latencies.length < 200) && latencies.length < 200_000) {
    if (performance.now() > deadline) break
    await Promise.all(Array.from({ length: 8 }, once))
  }
  assert.equal(open, 0, 'slowloris sockets still open after 20 s')
  await Promise.all(slow.map((client) => client.closed))

  for (const client of slow) {
    const response = onlyResponse(client.text)
    assert.equal(response.status, 408)
    assert.equal(response.headers.connection, 'close')
    assertSafeError(response, reference)
  }
  assert.deepEqual([...statuses.keys()], [200], `statuses: ${JSON.stringify([...statuses])}`)
  const sorted = latencies.toSorted((a, b) => a - b)
  const p99 = percentile(sorted, 99)
  t.diagnostic(
    `${latencies.length} normal requests beside ${SLOW_SOCKETS} slowloris sockets: ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  )
  assert.ok(p99 < 100, `p99 ${p99.toFixed(1)} ms`)
})

test('a connection that never sends a byte gets 408 and is closed', async (t) => {
  const server = await startServer({ headersTimeout: 1_000, requestTimeout: 1_500 })
  t.after(() => server.app.close())
  const reference = await securityHeadersOf200(server.base)
  const { text, closed } = await exchange(server.port, '', 5_000)
  assert.ok(closed)
  const response = onlyResponse(text)
  assert.equal(response.status, 408)
  assertSafeError(response, reference)
})

test('an idle keep-alive connection is closed after keepAliveTimeout, without an answer', async (t) => {
  const server = await startServer({ keepAliveTimeout: 500 })
  t.after(() => server.app.close())
  const { text, closed } = await exchange(
    server.port,
    'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    5_000,
  )
  assert.ok(closed)
  const response = onlyResponse(text)
  assert.equal(response.status, 200)
})

test('the production keep-alive timeout outlasts a 65 s load balancer idle timeout', async (t) => {
  const server = await startServer()
  t.after(() => server.app.close())
  // HTTP/1.1 answers keep alive without saying so; an HTTP/1.0 client that asks is told the timeout.
  const { text } = await exchange(
    server.port,
    'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
    500,
  )
  const keepAlive = parseResponses(text)[0]?.headers['keep-alive'] ?? ''
  const seconds = Number(/timeout=(\d+)/.exec(keepAlive)?.[1])
  assert.ok(seconds > 65, `keep-alive timeout ${seconds} s`)
})
