import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'
import type { Config } from './config.ts'
import { callerAddress, registerApiRoutes } from './routes/api.ts'
import { isApiPath, sendError } from './routes/errors.ts'
import { type Lifecycle, registerHealthRoutes } from './routes/health.ts'
import { registerMetrics } from './routes/metrics.ts'
import { registerPageRoutes } from './routes/page.ts'
import { SERVER_LIMITS, type ServerLimits } from './server-limits.ts'
import { type Clock, systemClock } from './time/clock.ts'
import { type IpZones, loadIpZones } from './time/ip-zones.ts'
import { createTimeDescriber } from './time/time-info.ts'
import { createZoneRegistry, type ZoneRegistry } from './time/zones.ts'

export type AppOptions = {
  config: Config
  clock?: Clock
  zones?: ZoneRegistry
  lifecycle?: Lifecycle
  /** Where the page's script, stylesheet and icon live. */
  publicDir?: URL
  /** IP address to zone; by default the committed table, read once per app. */
  ipZones?: IpZones
  /** A pino destination stream; tests capture logs with it. */
  logStream?: { write(line: string): void }
  /** Overrides of the server limits; tests shorten the timeouts. */
  limits?: Partial<ServerLimits>
}

const ALLOW = 'GET, HEAD'

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // The API is meant to be called from other origins.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  strictTransportSecurity: false,
} satisfies HelmetOptions

/** The headers helmet sets on every answer, for the answers written outside Fastify's hooks. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {}
  const collect = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: () => {},
  }
  helmet(HELMET_OPTIONS)({} as IncomingMessage, collect as unknown as ServerResponse, () => {})
  return headers
})()

const hasBody = (headers: IncomingMessage['headers']) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0')

// RFC 9112 §3.2: an HTTP/1.1 request without exactly one Host is answered 400.
const hostCount = (rawHeaders: string[]) => {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === 'host') count += 1
  return count
}

/** A whole answer for a socket Node's parser gave up on: no route, no hooks, no request object. */
const rawErrorResponse = (status: number) => {
  const reason = STATUS_CODES[status] ?? 'Error'
  const body = `${status} ${reason}\n`
  const headers = {
    date: new Date().toUTCString(),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
    ...SECURITY_HEADERS,
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('')}\r\n${body}`
}

const clientErrorStatus = (code: string | undefined) => {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408
  if (code === 'HPE_HEADER_OVERFLOW') return 431
  return 400
}

/** Builds the whole service as a Fastify instance. It never listens: main.ts and tests do. */
export const buildApp = ({
  config,
  clock = systemClock,
  zones = createZoneRegistry(),
  lifecycle = { ready: true },
  publicDir = new URL('../public/', import.meta.url),
  // Beside public/ both here (src/) and in the bundle (dist/).
  ipZones = loadIpZones(new URL('../data/ip-zones/ip-zones.bin', import.meta.url)),
  logStream,
  limits: overrides = {},
}: AppOptions): FastifyInstance => {
  const limits: ServerLimits = { ...SERVER_LIMITS, ...overrides }
  // Set from the first close step, so answers sent while draining end their connection.
  let closing = false

  // Node's parser rejected the bytes (or the client was too slow): answer like a route would, then close.
  const onClientError = (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return
    const status = clientErrorStatus(error.code)
    app.log.info({ status, code: error.code, ip: socket.remoteAddress }, 'client error')
    // Bytes of an answer already on the wire cannot be followed by another one.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    // Read and drop what the client still sends, so the close does not reset the answer away.
    const linger = setTimeout(() => socket.destroy(), limits.lingerMs)
    socket.once('close', () => clearTimeout(linger))
    socket.end(rawErrorResponse(status))
  }

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // One log line per request, written by our onResponse hook, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Errors the router meets before any route (e.g. bad percent-encoding) get our error shape.
    frameworkErrors: (error, request, reply) => {
      const status =
        'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 400
      const code = status >= 400 && status < 500 ? status : 400
      request.log.info(
        {
          method: request.method,
          url: request.url.slice(0, 200),
          status: code,
          ip: callerAddress(request),
        },
        'request',
      )
      return sendError(request, reply.headers(SECURITY_HEADERS), code, 'bad request')
    },
    // A hop count trusts that many proxies nearest to us.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    connectionTimeout: limits.connectionTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    requestTimeout: limits.requestTimeout,
    // Not Node's maxRequestsPerSocket: its 503 for pipelined requests past the limit has no security
    // headers. The onSend hook below ends the connection at the limit instead.
    maxRequestsPerSocket: 0,
    bodyLimit: limits.bodyLimit,
    // Clients write /api/timezone/ and /api/timezone alike: one trailing slash is dropped.
    routerOptions: { maxParamLength: limits.maxParamLength, ignoreTrailingSlash: true },
    // Requests that reach a closing server are served (with Connection: close), not refused with a
    // bare 503: the load bench saw no 503 either way, and clients without a retrying proxy need the
    // answer (docs/reliability.md).
    return503OnClosing: false,
    // At close, idle keep-alive sockets go at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
    http: {
      headersTimeout: limits.headersTimeout,
      maxHeaderSize: limits.maxHeaderSize,
      connectionsCheckingInterval: limits.connectionsCheckingInterval,
      // Node's own 400 for a missing Host has no security headers; the onRequest hook answers it.
      requireHostHeader: false,
    },
    clientErrorHandler: onClientError,
  })

  app.server.maxConnections = limits.maxConnections
  // Node would answer "100 Continue" by itself; no route wants a body, so never invite one.
  app.server.on('checkContinue', (request, response) =>
    app.server.emit('request', request, response),
  )
  let dropped = 0
  let droppedLoggedAt = 0
  app.server.on('drop', () => {
    dropped += 1
    // One line per 10 s at most: a flood must not become a flood of logs.
    if (Date.now() - droppedLoggedAt < 10_000) return
    droppedLoggedAt = Date.now()
    app.log.warn({ dropped, maxConnections: limits.maxConnections }, 'connection limit reached')
    dropped = 0
  })

  // helmet's headers, computed once above: @fastify/helmet would rebuild its middleware and
  // re-parse the CSP on every request, half the API's CPU time (docs/performance.md). Async on
  // purpose: with a sync hook three smuggling probes in test/faults/parser.test.ts get 413, not 400.
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS)
  })

  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  // From shutdown on, and after maxRequestsPerSocket answers, an answer ends its connection, so
  // keep-alive clients move to other replicas.
  const answered = new WeakMap<Socket, number>()
  app.addHook('onSend', (request, reply, payload, done) => {
    const socket = request.raw.socket
    const count = (answered.get(socket) ?? 0) + 1
    answered.set(socket, count)
    if (closing || !lifecycle.ready || count >= limits.maxRequestsPerSocket)
      reply.header('connection', 'close')
    done(null, payload)
  })

  const refuse = (reply: FastifyReply) => reply.header('connection', 'close')

  app.register(async (root) => {
    // Only GET and HEAD exist here; CORS preflights for the API are answered, not refused.
    root.addHook('onRequest', (request, reply, done) => {
      const raw = request.raw
      if (
        raw.httpVersionMajor === 1 &&
        raw.httpVersionMinor >= 1 &&
        hostCount(raw.rawHeaders) !== 1
      )
        return sendError(request, refuse(reply), 400)
      // No route takes a body: answer at once and close rather than read what may be gigabytes.
      if (hasBody(request.headers)) {
        if (request.method === 'GET' || request.method === 'HEAD')
          return sendError(request, refuse(reply), 413)
        return sendError(request, refuse(reply).header('allow', ALLOW), 405)
      }
      if (request.method === 'GET' || request.method === 'HEAD') return done()
      const path = request.url.split('?', 1)[0] ?? ''
      if (
        request.method === 'OPTIONS' &&
        isApiPath(path) &&
        request.headers['access-control-request-method']
      ) {
        return reply
          .code(204)
          .header('access-control-allow-origin', '*')
          .header('access-control-allow-methods', ALLOW)
          .header('access-control-max-age', '86400')
          .send()
      }
      reply.header('allow', ALLOW)
      return sendError(request, reply, 405)
    })

    root.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.url.slice(0, 200),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 100) / 100,
          ip: callerAddress(request),
        },
        'request',
      )
      done()
    })

    registerMetrics(root)
    const describe = createTimeDescriber()
    registerApiRoutes(root, {
      clock,
      zones,
      describe,
      ipZones,
      ipFallbackZone: config.ipFallbackZone,
    })
    registerHealthRoutes(root, lifecycle)
    registerPageRoutes(root, { clock, describe, timeZone: config.timeZone, publicDir })

    root.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?', 1)[0] ?? ''
      if (path.startsWith('/api/timezone/'))
        return sendError(request, reply, 404, 'unknown location')
      return sendError(request, reply, 404)
    })
    root.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500
          ? error.statusCode
          : 500
      if (status >= 500) request.log.error({ err: error }, 'request failed')
      // The status's own wording: Fastify's messages are not part of our contract.
      return sendError(request, reply, status)
    })
  })

  return app
}
