import helmet from '@fastify/helmet'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import type { Config } from './config.ts'
import { registerApiRoutes } from './routes/api.ts'
import { isApiPath, sendError } from './routes/errors.ts'
import { type Lifecycle, registerHealthRoutes } from './routes/health.ts'
import { registerMetrics } from './routes/metrics.ts'
import { registerPageRoutes } from './routes/page.ts'
import { type Clock, systemClock } from './time/clock.ts'
import { createTimeDescriber } from './time/time-info.ts'
import { createZoneRegistry, type ZoneRegistry } from './time/zones.ts'

export type AppOptions = {
  config: Config
  clock?: Clock
  zones?: ZoneRegistry
  lifecycle?: Lifecycle
  /** Where the page's script, stylesheet and icon live. */
  publicDir?: URL
  /** A pino destination stream; tests capture logs with it. */
  logStream?: { write(line: string): void }
}

const ALLOW = 'GET, HEAD'

/** Builds the whole service as a Fastify instance. It never listens: main.ts and tests do. */
export const buildApp = ({
  config,
  clock = systemClock,
  zones = createZoneRegistry(),
  lifecycle = { ready: true },
  publicDir = new URL('../public/', import.meta.url),
  logStream,
}: AppOptions): FastifyInstance => {
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
      return sendError(request, reply, status >= 400 && status < 500 ? status : 400, 'bad request')
    },
    // A hop count trusts that many proxies nearest to us.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  })

  app.register(helmet, {
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
  })

  app.register(async (root) => {
    // Only GET and HEAD exist here; CORS preflights for the API are answered, not refused.
    root.addHook('onRequest', (request, reply, done) => {
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
          ip: request.ip,
        },
        'request',
      )
      done()
    })

    registerMetrics(root)
    const describe = createTimeDescriber()
    registerApiRoutes(root, { clock, zones, describe })
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
      return sendError(request, reply, status, status < 500 ? error.message : undefined)
    })
  })

  return app
}
