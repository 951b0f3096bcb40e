// The minimal floor, the reference of every ratio: bare node:http answering every path with a fixed
// 30-byte body and two headers. The least a Node server can do per request on this machine.
import { createRequire } from 'node:module'
import { MINIMAL_BODY, MINIMAL_TYPE } from './minimal-answer.ts'

// By require, as the service loads it (src/http/node-http.ts): an ESM import of node:http costs
// 40-50 ms of start-up, and this is bare Node's start as well as its fastest answer.
const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http')

// Started as the replaying servers are, `<bundle> <answers.json> <port> <host>`; it needs no answers.
const [, port = '0', host = '127.0.0.1'] = process.argv.slice(2)
const headers = ['content-type', MINIMAL_TYPE, 'content-length', String(MINIMAL_BODY.length)]

const server = createServer((_request, response) => {
  response.writeHead(200, headers).end(MINIMAL_BODY)
})
// Fastify's default, as the service's.
server.keepAliveTimeout = 72_000
server.listen(Number(port), host)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
