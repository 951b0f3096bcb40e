// What an idle connection costs: the service and a bare node:http server, each holding the same
// number of keep-alive connections that asked once and went quiet. RSS per connection, in KiB.
//
// Usage: node bench/connection-memory.ts [connections, default 2450]
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { HOST, memoryKb, type Server, startServer, stopServer } from './servers.ts'

const COUNT = Number(process.argv[2] ?? 2_450)
const BATCH = 200

const bare = `const { createServer } = require('node:http')
createServer((q, s) => s.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'))
  .listen(Number(process.env.PORT), '127.0.0.1')`

const servers = {
  'bare node:http': (port: number) => ({
    args: ['-e', bare],
    env: { ...process.env, PORT: String(port) },
  }),
  service: (port: number) => ({
    args: ['src/main.ts'],
    env: { ...process.env, PORT: String(port), HOST, METRICS_PORT: 'off', LOG_LEVEL: 'warn' },
  }),
}

// One request each, answered, then silence: the connection stays open, idle.
const idleConnection = async (port: number) => {
  const socket: Socket = connect(port, HOST)
  socket.on('error', () => {})
  await once(socket, 'connect')
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  await once(socket, 'data')
  return socket
}

const measure = async (server: Server) => {
  await sleep(500)
  const before = memoryKb(server)
  const sockets: Socket[] = []
  for (let i = 0; i < COUNT; i += BATCH) {
    const size = Math.min(BATCH, COUNT - i)
    sockets.push(
      ...(await Promise.all(Array.from({ length: size }, () => idleConnection(server.port)))),
    )
  }
  await sleep(1_000)
  const after = memoryKb(server)
  for (const socket of sockets) socket.destroy()
  return { before, after, perConnection: ((after.rss - before.rss) / COUNT) * (1000 / 1024) }
}

console.log(
  `| server | RSS before (MB) | RSS with ${COUNT} idle connections (MB) | KiB per connection |`,
)
console.log('| --- | ---: | ---: | ---: |')
for (const [name, launch] of Object.entries(servers)) {
  const server = await startServer({ name, launch, readyPath: '/healthz' })
  const { before, after, perConnection } = await measure(server)
  console.log(
    `| ${name} | ${(before.rss / 1000).toFixed(1)} | ${(after.rss / 1000).toFixed(1)} | ${perConnection.toFixed(1)} |`,
  )
  await stopServer(server)
}
