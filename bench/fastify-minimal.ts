// Fastify alone on the minimal floor's answer: no plugins, no logging, no hooks, one route for every
// path with the same 30-byte body and two headers. Its gap to the minimal floor is the framework's.
import Fastify from 'fastify'
import { MINIMAL_BODY, MINIMAL_TYPE } from './minimal-answer.ts'

// Started as the replaying servers are, `<bundle> <answers.json> <port> <host>`; it needs no answers.
const [, port = '0', host = '127.0.0.1'] = process.argv.slice(2)

const app = Fastify({ logger: false })
// Fastify writes the content-length of a Buffer itself.
app.get('/*', (_request, reply) => reply.header('content-type', MINIMAL_TYPE).send(MINIMAL_BODY))
await app.listen({ port: Number(port), host })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
