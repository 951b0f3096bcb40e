// The whole service as a Fastify instance: wiring only, each concern in its own module. It never
// listens: main.ts and the tests do.
import type { IncomingMessage, RequestListener, Server } from 'node:http'
import Fastify, {
  type FastifyError,
  type FastifyHttpOptions,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify'
import type { Config } from './config.ts'
import { recordAnswers } from './http/answered.ts'
import { canonicalUrl, pathOf } from './http/api-contract.ts'
import { createClientErrorHandler } from './http/client-errors.ts'
import { applyConnectionPolicy, createConnections } from './http/connection-policy.ts'
import { answerFrameworkError, setErrorAnswers } from './http/error-answers.ts'
import { createMetrics, type Metrics } from './http/metrics.ts'
import { createNodeServer } from './http/node-server.ts'
import { addRequestGate } from './http/request-gate.ts'
import { logAnswer } from './http/request-log.ts'
import { addSecurityHeaders, securityHeadersFor } from './http/security-headers.ts'
import { type IpZones, loadIpZones } from './ip/ip-zones.ts'
import type { Lifecycle } from './lifecycle.ts'
import { loadZoneShapes, type ZoneShapes } from './places/zone-at.ts'
import { createErrorPage } from './render/error-page.ts'
import { registerApiRoutes } from './routes/api.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerPageRoutes } from './routes/page.ts'
import { createPlaceData, once } from './routes/place-data.ts'
import { registerPlaceRoutes } from './routes/places.ts'
import { registerPosixRoutes } from './routes/posix.ts'
import { registerSitemap } from './routes/sitemap.ts'
import { createTimeAnswers } from './routes/time-answers.ts'
import { registerTimeNowRoutes } from './routes/time-now.ts'
import { registerTimeApiRoutes } from './routes/timeapi/routes.ts'
import { fastifyLimits, SERVER_LIMITS, type ServerLimits } from './server-limits.ts'
import { type Clock, systemClock } from './time/clock.ts'
import { createTimeDescriber } from './time/time-info.ts'
import { tzdbVersion } from './time/tzdb.ts'
import { createZoneRegistry, type ZoneRegistry } from './time/zones.ts'

export type AppOptions = {
  config: Config
  clock?: Clock
  zones?: ZoneRegistry
  lifecycle?: Lifecycle
  /** Counts every answer; main.ts serves it on METRICS_PORT. */
  metrics?: Metrics
  /** Where the page's script, stylesheet and icon live. */
  publicDir?: URL
  /** IP address to zone; by default the committed table (beside public/ in src/ and dist/ alike). */
  ipZones?: IpZones | (() => IpZones)
  /** Coordinates to zone (timeapi.io's coordinate routes); by default the committed shapes. */
  zoneShapes?: ZoneShapes | (() => ZoneShapes)
  /** A pino destination stream; tests capture logs with it. */
  logStream?: { write(line: string): void }
  /** Overrides of the server limits; tests shorten the timeouts. */
  limits?: Partial<ServerLimits>
}

type Wiring = Required<Omit<AppOptions, 'logStream' | 'limits'>> & {
  limits: ServerLimits
  logStream: AppOptions['logStream']
}

// Fastify's options: the server ours, logging ours, every error answered in our shape.
const fastifyOptions = (
  { config, metrics, limits, logStream }: Wiring,
  connections: ReturnType<typeof createConnections>,
  log: () => FastifyInstance['log'],
) =>
  ({
    serverFactory: (handler: RequestListener) =>
      createNodeServer(limits, handler, connections.admit),
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // One log line per request, written by recordAnswers, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      answerFrameworkError(
        error,
        request,
        reply.headers(securityHeadersFor(pathOf(request.url))),
        (status) => {
          metrics.observe(request.method, 'malformed', status, 0)
          logAnswer(request, status, 0)
        },
      ),
    clientErrorHandler: createClientErrorHandler({
      log,
      lingerMs: limits.lingerMs,
      onAnswer: (status) => metrics.observe('unknown', 'malformed', status, 0),
    }),
    // A hop count trusts that many proxies nearest to us.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    ...fastifyLimits(limits),
    // timeapi.io's paths in any case, as its clients write them (api-contract.ts).
    rewriteUrl: (request: IncomingMessage) => canonicalUrl(request.url ?? '/'),
  }) satisfies FastifyHttpOptions<Server>

// Every route; each table read once, by whichever route asks first.
const registerRoutes = async (routes: FastifyInstance, wiring: Wiring) => {
  const { clock, zones, config, lifecycle, publicDir, limits } = wiring
  const describe = createTimeDescriber()
  const { timeZone, ipFallbackZone } = config
  const ipZones = once(
    typeof wiring.ipZones === 'function' ? wiring.ipZones : () => wiring.ipZones as IpZones,
  )
  const zoneShapes = once(
    typeof wiring.zoneShapes === 'function'
      ? wiring.zoneShapes
      : () => wiring.zoneShapes as ZoneShapes,
  )
  const sendTime = createTimeAnswers(clock, describe)
  registerApiRoutes(routes, { zones, sendTime, ipZones, ipFallbackZone })
  registerTimeNowRoutes(routes, { zones, sendTime, ipZones, ipFallbackZone })
  registerTimeApiRoutes(routes, { clock, zones, ipZones, ipFallbackZone, zoneShapes, limits })
  registerHealthRoutes(routes, lifecycle)
  // One index for the API, the pages and the sitemap, read on the first request that needs it.
  const places = createPlaceData(new URL('../data/places/', import.meta.url))
  registerPlaceRoutes(routes, places.search)
  registerPosixRoutes(routes, zones)
  await registerPageRoutes(routes, { clock, describe, zones, timeZone, publicDir, places })
  registerSitemap(routes, { zones: zones.names, places })
}

export const buildApp = ({
  config,
  clock = systemClock,
  zones = createZoneRegistry(),
  lifecycle = { ready: true },
  metrics = createMetrics({ tzdbVersion }),
  publicDir = new URL('../public/', import.meta.url),
  // Read on the first /api/ip request: 20 ms of page faults no other route needs at start-up.
  ipZones = () => loadIpZones(new URL('../data/ip-zones/ip-zones.bin', import.meta.url)),
  // Read on the first coordinate request: 35-70 ms and 3-5 MiB no other route needs.
  zoneShapes = () =>
    loadZoneShapes(new URL('../data/zone-shapes/zone-shapes.bin', import.meta.url)),
  logStream,
  limits: overrides = {},
}: AppOptions): FastifyInstance => {
  const limits: ServerLimits = { ...SERVER_LIMITS, ...overrides }
  const wiring: Wiring = {
    ...{ config, clock, zones, lifecycle, metrics, publicDir, ipZones, zoneShapes },
    ...{ logStream, limits },
  }
  const connections = createConnections(limits)
  const app: FastifyInstance = Fastify(fastifyOptions(wiring, connections, () => app.log))
  const closes = applyConnectionPolicy(app, connections, {
    ...limits,
    ready: () => lifecycle.ready,
  })
  addRequestGate(app, closes)
  addSecurityHeaders(app)
  recordAnswers(app, metrics)
  setErrorAnswers(app, createErrorPage({ timeZone: config.timeZone }))
  // Registered as a plugin, so they load at ready(): onRoute hooks added until then see them all.
  app.register(async (routes) => registerRoutes(routes, wiring))
  return app
}
