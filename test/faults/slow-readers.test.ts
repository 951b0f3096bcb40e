import assert from 'node:assert/strict'
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import type { ServerLimits } from '../../src/server-limits.ts'
import { startServer } from './server.ts'

const CAP = 50

// A client that asks for the largest page again and again, a few requests at a time, and never
// reads an answer: once the kernel's buffers fill, its
// answers wait in the server's.
const slowReader = async (port: number) => {
  const socket: Socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.pause()
  let sent = 0
  const ask = setInterval(() => {
    if (socket.destroyed || sent >= 400) return clearInterval(ask)
    socket.write('GET /cities HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(8))
    sent += 8
  }, 20)
  socket.once('close', () => clearInterval(ask))
  return socket
}

// A server that sees its own end of every connection, with when each closed.
const startWatched = async (
  limits: Partial<ServerLimits>,
  setup: (app: FastifyInstance) => void = () => {},
) => {
  const closedAt = new Map<Socket, number>()
  const sockets: Socket[] = []
  const server = await startServer(
    // Pipelining has its own bound, tested last; here a busy machine may read many at once.
    { maxPipelined: 1_000, connectionsCheckingInterval: 100, ...limits },
    {
      setup: (app) => {
        setup(app)
        app.server.on('connection', (socket: Socket) => {
          sockets.push(socket)
          socket.once('close', () => closedAt.set(socket, Date.now()))
        })
      },
    },
  )
  return { server, seen: { sockets, closedAt } }
}

test('at the cap, readers that stopped reading are reclaimed for newcomers', async (t) => {
  const { server, seen } = await startWatched({
    maxConnections: CAP,
    stallMs: 500,
    connectionTimeout: 20_000,
  })
  t.after(() => server.app.close())
  const readers = await Promise.all(Array.from({ length: CAP }, () => slowReader(server.port)))
  t.after(() => {
    for (const reader of readers) reader.destroy()
  })
  // Until the server holds answers for every one of them: all busy, none idle.
  const pending = () => seen.sockets.filter((socket) => socket.writableLength > 0).length ?? 0
  for (let i = 0; i < 100 && pending() < CAP; i += 1) await sleep(100)
  assert.equal(
    pending(),
    CAP,
    `the slow readers did not all stall: ${pending()} pending, ${seen.closedAt.size} closed, ${seen.sockets.length} seen`,
  )
  await sleep(1_000)
  let served = 0
  const newcomers = 30
  for (let i = 0; i < newcomers; i += 1) {
    const res = await fetch(`${server.base}/healthz`, { headers: { connection: 'close' } }).catch(
      () => undefined,
    )
    if (res?.status === 200) served += 1
    await res?.arrayBuffer()
  }
  t.diagnostic(`${served} of ${newcomers} newcomers served while ${CAP} slow readers held the cap`)
  assert.equal(served, newcomers)
  assert.ok((seen.closedAt.size ?? 0) >= newcomers, 'no slow reader was reclaimed')
})

test('a reader stuck for connectionTimeout is closed, however pipelined', async (t) => {
  const { server, seen } = await startWatched({
    connectionTimeout: 1_500,
    keepAliveTimeout: 30_000,
  })
  t.after(() => server.app.close())
  const reader = await slowReader(server.port)
  t.after(() => reader.destroy())
  const started = Date.now()
  for (let i = 0; i < 60 && seen.closedAt.size === 0; i += 1) await sleep(100)
  const closedAt = [...(seen.closedAt.values() ?? [])][0]
  assert.ok(closedAt, 'still open after 6 s')
  // Its buffers take a moment to fill (longer on a slower machine); from then, connectionTimeout
  // and one check: far short of the keep-alive timeout's 30 s.
  assert.ok(closedAt - started < 1_500 + 4_000, `closed after ${closedAt - started} ms`)
})

test('a connection more than maxPipelined requests ahead of its answers is closed, its surplus never handled', async (t) => {
  let handled = 0
  const { server, seen } = await startWatched({ maxPipelined: 32 }, (app) =>
    app.addHook('onRequest', (_request, _reply, done) => {
      handled += 1
      done()
    }),
  )
  t.after(() => server.app.close())
  const socket = connect(server.port, '127.0.0.1')
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.pause()
  // 1,500 requests in one write: Node parses a whole chunk of them at once.
  socket.write('GET /cities HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(1_500))
  for (let i = 0; i < 50 && seen.closedAt.size === 0; i += 1) await sleep(100)
  socket.destroy()
  assert.equal(seen.closedAt.size, 1, 'the connection is still open')
  assert.ok(handled <= 32, `${handled} requests handled`)
})
