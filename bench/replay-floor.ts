// The same-bytes replay floor: bare node:http replaying, per route, the service's own captured
// status, headers and body. No framework, no work per request: the best any Node server can do
// with the service's exact answers, beside the minimal floor's 30 bytes (bench/minimal-floor.ts).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

// By require, as the service loads it (src/http/node-http.ts): an ESM import of node:http costs
// 40-50 ms of start-up.
const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http')

export type CapturedResponse = {
  path: string
  status: number
  /** Raw header pairs as the service sent them, less those node:http writes itself. */
  headers: [string, string][]
  /** The body, base64. */
  body: string
}

const [file = '', port = '0', host = '127.0.0.1'] = process.argv.slice(2)
const captured = JSON.parse(readFileSync(file, 'utf8')) as CapturedResponse[]
const routes = new Map(
  captured.map((response) => [
    response.path,
    {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(response.body, 'base64'),
    },
  ]),
)

const server = createServer((request, response) => {
  const route = routes.get(request.url ?? '')
  if (!route) {
    response.writeHead(404).end()
    return
  }
  // As the service answers HTTP/1.1 (src/http/request-gate.ts): no Connection and Keep-Alive.
  if (request.httpVersion === '1.1') response.removeHeader('connection')
  // Headers as an object, as the service writes them: writeHead's flat-array form costs more.
  response.writeHead(route.status, route.headers).end(route.body)
})
// Fastify's default, as the service's.
server.keepAliveTimeout = 72_000
server.listen(Number(port), host, () => {
  const address = server.address()
  process.stdout.write(`${typeof address === 'object' && address ? address.port : port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
