// Process wiring, and the only module that touches `process`: configuration, listening, signals.
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import closeWithGrace from 'close-with-grace'
import { destination } from 'pino'
import type { Lifecycle } from './lifecycle.ts'
import { DRAIN_TIMEOUT_MS, SERVER_LIMITS } from './server-limits.ts'

if (typeof Temporal === 'undefined') {
  process.stderr.write(
    `moscow-time needs Node.js 26 or later (for Temporal); this is ${process.version}.\n` +
      'Run it with `npm start`, which installs and uses the Node version pinned in .node-version.\n',
  )
  process.exit(1)
}

// Loaded after the check: the time domain may use Temporal as its modules load.
const [
  { buildApp },
  { ConfigError, loadConfig },
  { createZoneRegistry },
  { createMetrics },
  { createMetricsServer },
  { tzdbVersion },
  { loadIpZones },
] = await Promise.all([
  import('./app.ts'),
  import('./config.ts'),
  import('./time/zones.ts'),
  import('./http/metrics.ts'),
  import('./http/metrics-server.ts'),
  import('./time/tzdb.ts'),
  import('./ip/ip-zones.ts'),
])

const zones = createZoneRegistry()
let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig(process.env, zones.resolve)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  process.stderr.write(`moscow-time: ${error.message}\n`)
  process.exit(2)
}

// Request lines leave in batches of up to 4 KB, and at least every second: a write(2) of its own
// for each request's line cost about a tenth of the API's CPU. Written synchronously: handing each
// batch to libuv's thread pool cost 2-3 µs per request more, and a stalled log reader then slows
// the service instead of growing its memory. A crash loses at most that second.
// Each step of starting and stopping is flushed at once, for whoever watches the process.
const logs = destination({ dest: 1, sync: true, minLength: 4096 })
setInterval(() => logs.flush(), 1000).unref()
const flushLogs = () => logs.flush()
// Every way out passes here (a signal, the hard deadline, an uncaught error, a failed listen).
process.once('exit', () => logs.flushSync())

const lifecycle: Lifecycle = { ready: true }
const metrics = createMetrics({ tzdbVersion })
// One IP table for /api/ip and timezoned's GeoIP, read on the first lookup by either.
let ipTable: ReturnType<typeof loadIpZones> | undefined
const ipZones = () =>
  (ipTable ??= loadIpZones(new URL('../data/ip-zones/ip-zones.bin', import.meta.url)))
const app = buildApp({
  config,
  zones,
  lifecycle,
  metrics,
  ipZones,
  logStream: logs,
  publicDir: new URL('../public/', import.meta.url),
})
// Scrapers get their own listener: the public port never shows the process's internals.
const metricsServer =
  config.metricsPort === null ? undefined : createMetricsServer(metrics, SERVER_LIMITS)
// ezTime's UDP protocol, when TIMEZONED_PORT asks for it (docs/devices.md).
let timezoned: { close(): Promise<void> } | undefined

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
    await Promise.all([app.close(), timezoned?.close()])
    metricsServer?.close()
    metricsServer?.closeAllConnections()
    app.log.info('shutdown: closed')
  },
)

try {
  await app.listen({ port: config.port, host: config.host })
  if (metricsServer) {
    metricsServer.listen({ port: config.metricsPort ?? 0, host: config.metricsHost })
    await once(metricsServer, 'listening')
    app.log.info({ port: config.metricsPort, host: config.metricsHost }, 'metrics listening')
  }
  if (config.timezonedPort !== null) {
    const { startTimezoned } = await import('./udp/timezoned-server.ts')
    const [port, host] = [config.timezonedPort, config.timezonedHost]
    timezoned = await startTimezoned({
      port,
      host,
      zones,
      ipZones,
      fallbackZone: config.ipFallbackZone,
      registry: metrics.registry,
      log: app.log,
    })
    app.log.info({ port, host, protocol: 'udp' }, 'timezoned listening')
  }
  flushLogs()
} catch (error) {
  app.log.fatal({ err: error }, 'cannot listen')
  process.exit(1)
}
