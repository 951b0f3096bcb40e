// The request gate, the one hook every request passes before its route: the answer's connection,
// then one Host, bodies only where a route takes JSON (timeapi.io's POST
// routes), GET and HEAD elsewhere, CORS preflights for the APIs.
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  allowedMethods,
  CORS_ALLOWED_HEADERS,
  CORS_HEADERS,
  isApiPath,
  pathOf,
} from './api-contract.ts'
import { sendError } from './error-answers.ts'
import { judgeJsonRequest, takesJsonBody } from './json-body.ts'
import { sendProblem } from './problem-details.ts'

const hasBody = (headers: IncomingMessage['headers']) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0')

// RFC 9112 §3.2: a request without exactly one Host is answered 400; HTTP/1.0 may omit it, but
// never send two. Any other version the parser lets through (2.0 in HTTP/1 framing, 1.2) is held
// to 1.1's rule. (Node's own check, requireHostHeader, answers without our security headers and
// lets two Hosts through.)
const hostCount = (rawHeaders: string[]) => {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string
    // Lower-cased only when it may be Host: most names are not four letters long.
    if (name.length === 4 && (name === 'Host' || name.toLowerCase() === 'host')) count += 1
  }
  return count
}

const refuse = (reply: FastifyReply) => reply.header('connection', 'close')

// A POST to a route that takes JSON: refused on its headers alone (and closed, the body unread),
// or let through to have its body read, asked for first if the client waits to be asked.
const admitJson = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
  const refusal = judgeJsonRequest(request)
  if (refusal) return sendProblem(refuse(reply), refusal)
  if (request.headers.expect?.toLowerCase() === '100-continue') reply.raw.writeContinue()
  return done()
}

// A browser's preflight: the methods the path answers to, and a JSON body's Content-Type.
const answerPreflight = (reply: FastifyReply, path: string) =>
  reply
    .code(204)
    .headers(CORS_HEADERS)
    .header('access-control-allow-methods', allowedMethods(path))
    .header('access-control-allow-headers', CORS_ALLOWED_HEADERS)
    .header('access-control-max-age', '86400')
    .send()

/** Whether an answer is to end its connection (shutdown, the requests-per-connection cap). */
export type ConnectionDecision = (request: FastifyRequest) => boolean

// A keep-alive HTTP/1.1 answer without Connection and Keep-Alive headers (48 bytes): 1.1 persists
// by default, and Node keeps the connection as it would. Only for an answer let through: a
// refusal's explicit `Connection: close` must close.
const keepAliveQuietly = (request: FastifyRequest, reply: FastifyReply, close: boolean) => {
  if (close) reply.header('connection', 'close')
  else if (request.raw.httpVersion === '1.1') reply.raw.removeHeader('connection')
}

export const addRequestGate = (app: FastifyInstance, closes: ConnectionDecision) => {
  app.addHook('onRequest', (request, reply, done) => {
    const path = pathOf(request.url)
    const close = closes(request)
    const raw = request.raw
    const hosts = hostCount(raw.rawHeaders)
    if (hosts > 1 || (hosts === 0 && raw.httpVersion !== '1.0'))
      return sendError(request, refuse(reply), 400)
    if (request.method === 'POST' && takesJsonBody(request)) {
      if (close) reply.header('connection', 'close')
      return admitJson(request, reply, done)
    }
    const allowed = allowedMethods(path)
    // No other route takes a body: answer at once and close rather than read what may be gigabytes.
    if (hasBody(request.headers)) {
      if (allowed !== 'POST' && (request.method === 'GET' || request.method === 'HEAD'))
        return sendError(request, refuse(reply), 413)
      return sendError(request, refuse(reply).header('allow', allowed), 405)
    }
    keepAliveQuietly(request, reply, close)
    if ((request.method === 'GET' || request.method === 'HEAD') && allowed !== 'POST') return done()
    if (
      request.method === 'OPTIONS' &&
      isApiPath(path) &&
      request.headers['access-control-request-method']
    )
      return answerPreflight(reply, path)
    reply.header('allow', allowed)
    return sendError(request, reply, 405)
  })
}
