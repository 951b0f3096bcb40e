import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { SERVER_LIMITS } from '../../src/server-limits.ts'
import { exchange, parseResponses, startServer } from './server.ts'

const IDLE = 2_000

// This process holds both ends of every connection, plus a margin for everything else.
const NEEDED_FDS = IDLE * 2 + 256
const openFileLimit = () => {
  const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
  return line?.[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(line?.[1] ?? 0)
}

const open = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })

// In batches, so the listen backlog never overflows into SYN retries.
const openMany = async (port: number, count: number) => {
  const sockets: Socket[] = []
  for (let i = 0; i < count; i += 250)
    sockets.push(
      ...(await Promise.all(Array.from({ length: Math.min(250, count - i) }, () => open(port)))),
    )
  for (const socket of sockets) socket.on('error', () => {})
  return sockets
}

const connections = (server: {
  app: { server: { getConnections(cb: (e: Error | null, n: number) => void): void } }
}) =>
  new Promise<number>((resolve, reject) =>
    server.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  )

// The server counts a connection once it has accepted it; wait (bounded) until it has.
const waitForConnections = async (
  server: Parameters<typeof connections>[0],
  wanted: (n: number) => boolean,
) => {
  for (let i = 0; i < 100; i += 1) {
    if (wanted(await connections(server))) return
    await sleep(50)
  }
  assert.fail(`server connections stayed at ${await connections(server)}`)
}

test(`${IDLE.toLocaleString('en')} idle connections at once, and the service still answers`, async (t) => {
  const limit = openFileLimit()
  if (limit < NEEDED_FDS) {
    const why = `needs ulimit -n >= ${NEEDED_FDS}; this shell allows ${limit}`
    if (process.env.CI === 'true') assert.fail(why)
    t.skip(why)
    return
  }
  // The production limits, so this also proves the connection cap leaves room for them.
  const server = await startServer({
    headersTimeout: SERVER_LIMITS.headersTimeout,
    requestTimeout: SERVER_LIMITS.requestTimeout,
  })
  const sockets = await openMany(server.port, IDLE)
  t.after(async () => {
    for (const socket of sockets) socket.destroy()
    await server.app.close()
  })
  await waitForConnections(server, (n) => n >= IDLE)

  const answers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const res = await fetch(`${server.base}/api/timezone/Europe/Moscow`)
      await res.arrayBuffer()
      return res.status
    }),
  )
  assert.deepEqual(new Set(answers), new Set([200]))
  assert.ok(
    sockets.every((socket) => !socket.destroyed),
    'an idle connection was dropped',
  )
})

// Keep-alive clients that asked once and went quiet: the way one client can fill every slot.
const openIdleKeepAlive = async (port: number, count: number) => {
  const sockets = await openMany(port, count)
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          // A refused client is closed instead: the caller sees it destroyed.
          socket.once('data', () => resolve())
          socket.once('close', () => resolve())
          socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
        }),
    ),
  )
  return sockets
}

test('at maxConnections idle keep-alive clients are reclaimed, oldest first, and a new client is served', async (t) => {
  const server = await startServer({ maxConnections: 20 })
  t.after(() => server.app.close())
  const sockets = await openIdleKeepAlive(server.port, 20)
  t.after(() => {
    for (const socket of sockets) socket.destroy()
  })
  await waitForConnections(server, (n) => n === 20)
  const closedAt = new Map<number, number>()
  sockets.forEach((socket, i) => {
    socket.once('close', () => closedAt.set(i, Date.now()))
  })

  // Three newcomers that stay connected: each takes the slot of the longest-idle one.
  for (let round = 0; round < 3; round++) {
    const started = performance.now()
    const [newcomer] = await openIdleKeepAlive(server.port, 1)
    t.after(() => newcomer?.destroy())
    assert.ok(newcomer && !newcomer.destroyed, `newcomer ${round} was refused`)
    assert.ok(performance.now() - started < 1_000, 'answered promptly')
  }
  await waitForConnections(server, (n) => n === 20)
  assert.deepEqual(
    [...closedAt.keys()].sort((a, b) => a - b),
    [0, 1, 2],
  )
})

test('only when every connection is busy is a new one closed at once', async (t) => {
  const release: Array<() => void> = []
  const server = await startServer(
    { maxConnections: 5 },
    {
      setup: (app) =>
        app.get(
          '/hold',
          () => new Promise<string>((resolve) => release.push(() => resolve('done'))),
        ),
    },
  )
  t.after(() => server.app.close())
  const held = Array.from({ length: 5 }, () =>
    fetch(`${server.base}/hold`).then((res) => res.text()),
  )
  for (let i = 0; i < 100 && release.length < 5; i++) await sleep(20)
  assert.equal(release.length, 5, 'five requests in flight')

  const refused = await exchange(server.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  assert.ok(refused.closed)
  assert.equal(refused.text, '')
  assert.ok(server.logs().some((line) => line.msg === 'connection limit reached'))

  for (const done of release) done()
  assert.deepEqual(await Promise.all(held), ['done', 'done', 'done', 'done', 'done'])
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200)
})

test('after maxRequestsPerSocket answers the connection closes, with no bare 503 for pipelined requests', async (t) => {
  const server = await startServer({ maxRequestsPerSocket: 3 })
  t.after(() => server.app.close())
  const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
  const { text, closed } = await exchange(server.port, request.repeat(6))
  assert.ok(closed)
  const responses = parseResponses(text)
  assert.deepEqual(
    responses.map((response) => [response.status, response.headers.connection]),
    // Kept alive quietly (HTTP/1.1's default), then closed with the last.
    [
      [200, undefined],
      [200, undefined],
      [200, 'close'],
    ],
  )
})
