// JSON request bodies, for the only routes that take one (timeapi.io's POST routes): what the
// request gate admits, how long a body may take to arrive, and how its faults are answered.
import { PassThrough, type Readable } from 'node:stream'
import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  preParsingHookHandler,
  RouteShorthandOptions,
} from 'fastify'
import { type FieldErrors, sendProblem } from './problem-details.ts'

type JsonBodyConfig = { jsonBody?: boolean }

/** Whether the route a request matched takes a JSON body. */
export const takesJsonBody = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as JsonBodyConfig | undefined)?.jsonBody === true

// `application/json`, with no charset or UTF-8's: RFC 8259 JSON between systems is UTF-8.
const isJson = (contentType: string) => {
  const [essence = '', ...parameters] = contentType.split(';')
  if (essence.trim().toLowerCase() !== 'application/json') return false
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=')
    if (name.trim().toLowerCase() !== 'charset') return true
    return /^"?utf-8"?$/i.test(value.trim())
  })
}

/**
 * The gate's verdict on a request to such a route, from its headers alone: a status to refuse it
 * with before reading a byte of the body, or undefined to read it.
 */
export const judgeJsonRequest = (request: FastifyRequest): 413 | 415 | undefined => {
  const { headers } = request
  const length = Number(headers['content-length'] ?? 0)
  if (length > (request.routeOptions.bodyLimit ?? 0)) return 413
  const withBody = length > 0 || headers['transfer-encoding'] !== undefined
  const type = headers['content-type']
  // No type and no body: the route says what it misses (400).
  if (type === undefined ? withBody : !isJson(type)) return 415
  const coding = headers['content-encoding']
  if (coding !== undefined && coding.trim().toLowerCase() !== 'identity') return 415
  return undefined
}

const bodyTimeoutError = () =>
  Object.assign(new Error('request body too slow'), { statusCode: 408, code: 'BODY_TIMEOUT' })

/**
 * A deadline for the body from the end of the headers. Node's requestTimeout also bounds it, but
 * only while the server listens: from shutdown on this one still does, so the drain ends.
 */
const bodyDeadline =
  (timeoutMs: number): preParsingHookHandler =>
  (_request, reply, payload, done) => {
    const body = new PassThrough()
    const raw = payload as Readable
    // The request itself is left alone (destroying it would take the socket and the answer).
    const timer = setTimeout(() => {
      raw.unpipe(body)
      body.destroy(bodyTimeoutError())
    }, timeoutMs)
    const stop = () => clearTimeout(timer)
    raw.once('end', stop)
    raw.once('close', stop)
    // Answered already (the body too large, say): nothing waits for the rest.
    reply.raw.once('close', stop)
    raw.once('error', (error) => body.destroy(error))
    // Fastify stops listening once it has refused the body; a late error must not go unheard.
    body.on('error', () => {})
    raw.pipe(body)
    done(null, body)
  }

// Fastify's body errors, as ASP.NET answers the same faults.
const FIELD_ERRORS: Record<string, FieldErrors> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { '': ['A non-empty request body is required.'] },
  FST_ERR_CTP_INVALID_JSON_BODY: { $: ['The JSON value could not be parsed.'] },
}

const answerBodyError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const status = error.statusCode ?? 500
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, 500)
  }
  // What is left of the body goes unread: the connection cannot carry another request.
  reply.header('connection', 'close')
  return sendProblem(reply, status, FIELD_ERRORS[error.code])
}

/** A route's options for a JSON body (of at most the server's bodyLimit) arriving within `timeoutMs`. */
export const jsonBodyRoute = (timeoutMs: number) =>
  ({
    config: { jsonBody: true } satisfies JsonBodyConfig,
    preParsing: bodyDeadline(timeoutMs),
    errorHandler: answerBodyError,
  }) satisfies RouteShorthandOptions
