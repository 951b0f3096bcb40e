// Fastify alone replaying the service's answers: no plugins, no logging, no hooks, the same captured
// responses as the replay floor. Its gap to the replay floor is the framework's own cost on those
// bytes; the gap between it and the service is ours.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'
import type { CapturedResponse } from './replay-floor.ts'

const [file = '', port = '0', host = '127.0.0.1'] = process.argv.slice(2)
const captured = JSON.parse(readFileSync(file, 'utf8')) as CapturedResponse[]

const app = Fastify({ logger: false })
for (const response of captured) {
  const headers = Object.fromEntries(response.headers)
  const body = Buffer.from(response.body, 'base64')
  // Fastify routes the path without its query (each captured path has its own).
  app.get(response.path.split('?')[0] ?? '/', (request, reply) => {
    // As the service answers HTTP/1.1 (src/http/request-gate.ts): no Connection and Keep-Alive.
    if (request.raw.httpVersion === '1.1') reply.raw.removeHeader('connection')
    return reply.code(response.status).headers(headers).send(body)
  })
}
await app.listen({ port: Number(port), host })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
