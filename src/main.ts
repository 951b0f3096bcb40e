// Process wiring, and the only module that touches `process`: configuration, listening, signals.
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import closeWithGrace from 'close-with-grace'
import type { FastifyInstance } from 'fastify'
import { destination } from 'pino'
import type { Config } from './config.ts'
import type { Metrics } from './http/metrics.ts'
import type { IpZones } from './ip/ip-zones.ts'
import type { Lifecycle } from './lifecycle.ts'
import { DRAIN_TIMEOUT_MS, SERVER_LIMITS } from './server-limits.ts'

// Loaded after the Temporal check: the time domain may use Temporal as its modules load.
const loadService = async () => {
  const [app, config, zones, metrics, metricsServer, tzdb, ipZones] = await Promise.all([
    import('./app.ts'),
    import('./config.ts'),
    import('./time/zones.ts'),
    import('./http/metrics.ts'),
    import('./http/metrics-server.ts'),
    import('./time/tzdb.ts'),
    import('./ip/ip-zones.ts'),
  ])
  return {
    ...app,
    ...config,
    ...metrics,
    ...metricsServer,
    ...ipZones,
    tzdbVersion: tzdb.tzdbVersion,
    zones: zones.createZoneRegistry(),
  }
}

type Service = Awaited<ReturnType<typeof loadService>>

const requireTemporal = () => {
  if (typeof Temporal !== 'undefined') return
  process.stderr.write(
    `moscow-time needs Node.js 26 or later (for Temporal); this is ${process.version}.\n` +
      'Run it with `npm start`, which installs and uses the Node version pinned in .node-version.\n',
  )
  process.exit(1)
}

const readConfig = ({ loadConfig, ConfigError, zones }: Service): Config => {
  try {
    return loadConfig(process.env, zones.resolve)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`moscow-time: ${error.message}\n`)
    return process.exit(2)
  }
}

// Request lines leave in batches of up to 4 KB, and at least every second: a write(2) of its own
// for each request's line cost about a tenth of the API's CPU. Written synchronously: handing each
// batch to libuv's thread pool cost 2-3 µs per request more, and a stalled log reader then slows
// the service instead of growing its memory. A crash loses at most that second.
// Each step of starting and stopping is flushed at once, for whoever watches the process.
const openLogs = () => {
  const logs = destination({ dest: 1, sync: true, minLength: 4096 })
  setInterval(() => logs.flush(), 1000).unref()
  // Every way out passes here (a signal, the hard deadline, an uncaught error, a failed listen).
  process.once('exit', () => logs.flushSync())
  return logs
}

type Running = {
  config: Config
  app: FastifyInstance
  lifecycle: Lifecycle
  metrics: Metrics
  ipZones: () => IpZones
  flushLogs: () => void
  metricsServer: ReturnType<Service['createMetricsServer']> | undefined
  /** ezTime's UDP protocol, when TIMEZONED_PORT asks for it (docs/devices.md). */
  timezoned?: { close(): Promise<void> }
}

const build = (service: Service, config: Config): Running => {
  const logs = openLogs()
  const lifecycle: Lifecycle = { ready: true }
  const metrics = service.createMetrics({ tzdbVersion: service.tzdbVersion })
  // One IP table for /api/ip and timezoned's GeoIP, read on the first lookup by either.
  let ipTable: IpZones | undefined
  const ipZones = () =>
    (ipTable ??= service.loadIpZones(new URL('../data/ip-zones/ip-zones.bin', import.meta.url)))
  const app = service.buildApp({
    config,
    zones: service.zones,
    lifecycle,
    metrics,
    ipZones,
    logStream: logs,
    publicDir: new URL('../public/', import.meta.url),
  })
  // Scrapers get their own listener: the public port never shows the process's internals.
  const metricsServer =
    config.metricsPort === null ? undefined : service.createMetricsServer(metrics, SERVER_LIMITS)
  return { config, app, lifecycle, metrics, ipZones, flushLogs: () => logs.flush(), metricsServer }
}

const closeOnSignals = (running: Running) => {
  const { config, app, lifecycle, flushLogs } = running
  closeWithGrace(
    {
      delay: config.shutdownDelayMs + DRAIN_TIMEOUT_MS,
      logger: { error: (message: unknown) => app.log.error(message) },
    },
    async ({ signal, err }) => {
      lifecycle.ready = false
      if (err) {
        app.log.error({ err }, 'uncaught error: closing, then exiting with status 1')
        flushLogs()
      } else {
        // Load balancers need time to see /readyz fail; keep serving until they stop sending.
        app.log.info(
          { signal, delayMs: config.shutdownDelayMs },
          'shutdown: not ready, still serving',
        )
        flushLogs()
        await sleep(config.shutdownDelayMs)
      }
      // Idle keep-alive sockets close now; requests in flight finish, answered with Connection: close.
      app.log.info('shutdown: draining')
      flushLogs()
      await Promise.all([app.close(), running.timezoned?.close()])
      running.metricsServer?.close()
      running.metricsServer?.closeAllConnections()
      app.log.info('shutdown: closed')
    },
  )
}

const listen = async (running: Running, zones: Service['zones']) => {
  const { config, app, metricsServer } = running
  await app.listen({ port: config.port, host: config.host })
  if (metricsServer) {
    metricsServer.listen({ port: config.metricsPort ?? 0, host: config.metricsHost })
    await once(metricsServer, 'listening')
    app.log.info({ port: config.metricsPort, host: config.metricsHost }, 'metrics listening')
  }
  if (config.timezonedPort !== null) {
    const { startTimezoned } = await import('./udp/timezoned-server.ts')
    const [port, host] = [config.timezonedPort, config.timezonedHost]
    running.timezoned = await startTimezoned({
      port,
      host,
      zones,
      ipZones: running.ipZones,
      fallbackZone: config.ipFallbackZone,
      registry: running.metrics.registry,
      log: app.log,
    })
    app.log.info({ port, host, protocol: 'udp' }, 'timezoned listening')
  }
}

const main = async () => {
  requireTemporal()
  const service = await loadService()
  const running = build(service, readConfig(service))
  closeOnSignals(running)
  try {
    await listen(running, service.zones)
    running.flushLogs()
  } catch (error) {
    running.app.log.fatal({ err: error }, 'cannot listen')
    process.exit(1)
  }
}

// Not awaited: the bundle is CommonJS (scripts/build.ts), which has no top-level await. A failure
// before close-with-grace is armed still ends the process, as an unhandled rejection.
void main()
