import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { connect, type Socket } from 'node:net'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createMetrics } from '../../src/http/metrics.ts'
import { createMetricsServer, METRICS_MAX_CONNECTIONS } from '../../src/http/metrics-server.ts'
import { SERVER_LIMITS } from '../../src/server-limits.ts'

const start = async () => {
  const server = createMetricsServer(createMetrics({ tzdbVersion: '2026f' }), {
    ...SERVER_LIMITS,
    headersTimeout: 1_000,
    requestTimeout: 1_500,
    connectionsCheckingInterval: 100,
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, port: (server.address() as AddressInfo).port }
}

const halfSent = async (port: number) => {
  const socket: Socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\n')
  let text = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => {
    text += chunk
  })
  const closed = once(socket, 'close')
  return { socket, text: () => text, closed }
}

const openConnections = (server: ReturnType<typeof createMetricsServer>) =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  )

test('the metrics listener holds at most its small cap of connections, and still answers a scrape', async (t) => {
  const { server, port } = await start()
  t.after(() => {
    server.closeAllConnections()
    server.close()
  })
  const held = await Promise.all(Array.from({ length: 200 }, () => halfSent(port)))
  t.after(() => {
    for (const conn of held) conn.socket.destroy()
  })
  await sleep(100)
  assert.ok((await openConnections(server)) <= METRICS_MAX_CONNECTIONS)
  const res = await fetch(`http://127.0.0.1:${port}/metrics`)
  assert.equal(res.status, 200)
  assert.match(await res.text(), /^tzdb_info\{version="2026f"\} 1$/m)
})

test('a half-sent request to the metrics listener gets 408 at the header timeout', async (t) => {
  const { server, port } = await start()
  t.after(() => server.close())
  const started = Date.now()
  const conn = await halfSent(port)
  await conn.closed
  assert.ok(Date.now() - started < 3_000, `closed after ${Date.now() - started} ms`)
  assert.match(conn.text(), /^HTTP\/1\.1 408 /)
})
