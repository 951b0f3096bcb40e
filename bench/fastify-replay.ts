// A second reference (npm run bench -- --fastify): Fastify with no plugins, no logging and no
// hooks, replaying the same captured responses as the floor. The gap between it and the floor is
// the framework's own cost; the gap between it and the service is ours.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'
import type { CapturedResponse } from './floor-server.ts'

const [file = '', port = '0', host = '127.0.0.1'] = process.argv.slice(2)
const captured = JSON.parse(readFileSync(file, 'utf8')) as CapturedResponse[]

const app = Fastify({ logger: false })
for (const response of captured) {
  const headers = Object.fromEntries(response.headers)
  const body = Buffer.from(response.body, 'base64')
  app.get(response.path, (_request, reply) =>
    reply.code(response.status).headers(headers).send(body),
  )
}
await app.listen({ port: Number(port), host })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
