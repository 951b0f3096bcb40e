// The request gate: one Host on HTTP/1.1, no bodies, GET and HEAD only, CORS preflights for the API.
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { ALLOWED_METHODS, CORS_HEADERS, isApiPath, pathOf } from './api-contract.ts'
import { sendError } from './error-answers.ts'

const hasBody = (headers: IncomingMessage['headers']) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0')

// RFC 9112 §3.2: a request without exactly one Host is answered 400; HTTP/1.0 may omit it, but
// never send two. Any other version the parser lets through (2.0 in HTTP/1 framing, 1.2) is held
// to 1.1's rule. (Node's own check, requireHostHeader, answers without our security headers and
// lets two Hosts through.)
const hostCount = (rawHeaders: string[]) => {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === 'host') count += 1
  return count
}

const refuse = (reply: FastifyReply) => reply.header('connection', 'close')

export const addRequestGate = (app: FastifyInstance) => {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw
    const hosts = hostCount(raw.rawHeaders)
    if (hosts > 1 || (hosts === 0 && raw.httpVersion !== '1.0'))
      return sendError(request, refuse(reply), 400)
    // No route takes a body: answer at once and close rather than read what may be gigabytes.
    if (hasBody(request.headers)) {
      if (request.method === 'GET' || request.method === 'HEAD')
        return sendError(request, refuse(reply), 413)
      return sendError(request, refuse(reply).header('allow', ALLOWED_METHODS), 405)
    }
    if (request.method === 'GET' || request.method === 'HEAD') return done()
    if (
      request.method === 'OPTIONS' &&
      isApiPath(pathOf(request.url)) &&
      request.headers['access-control-request-method']
    ) {
      return reply
        .code(204)
        .headers(CORS_HEADERS)
        .header('access-control-allow-methods', ALLOWED_METHODS)
        .header('access-control-max-age', '86400')
        .send()
    }
    reply.header('allow', ALLOWED_METHODS)
    return sendError(request, reply, 405)
  })
}
