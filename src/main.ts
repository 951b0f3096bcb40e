// Process wiring, and the only module that touches `process`: configuration, listening, signals.
import { setTimeout as sleep } from 'node:timers/promises'
import closeWithGrace from 'close-with-grace'
import type { Lifecycle } from './routes/health.ts'

// Time allowed for in-flight requests after the shutdown delay, before a forced exit; a request
// still sending its headers is cut at headersTimeout (10 s) anyway.
const DRAIN_TIMEOUT_MS = 10_000

if (typeof Temporal === 'undefined') {
  process.stderr.write(
    `moscow-time needs Node.js 26 or later (for Temporal); this is ${process.version}.\n` +
      'Run it with `npm start`, which installs and uses the Node version pinned in .node-version.\n',
  )
  process.exit(1)
}

// Loaded after the check: the time domain may use Temporal as its modules load.
const [{ buildApp }, { ConfigError, loadConfig }, { createZoneRegistry }] = await Promise.all([
  import('./app.ts'),
  import('./config.ts'),
  import('./time/zones.ts'),
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

const lifecycle: Lifecycle = { ready: true }
const app = buildApp({
  config,
  zones,
  lifecycle,
  publicDir: new URL('../public/', import.meta.url),
})

closeWithGrace(
  {
    delay: config.shutdownDelayMs + DRAIN_TIMEOUT_MS,
    logger: { error: (message: unknown) => app.log.error(message) },
  },
  async ({ signal, err }) => {
    lifecycle.ready = false
    if (err) {
      app.log.error({ err }, 'uncaught error: closing, then exiting with status 1')
    } else {
      // Load balancers need time to see /readyz fail; keep serving until they stop sending.
      app.log.info(
        { signal, delayMs: config.shutdownDelayMs },
        'shutdown: not ready, still serving',
      )
      await sleep(config.shutdownDelayMs)
    }
    // Idle keep-alive sockets close now; requests in flight finish, answered with Connection: close.
    app.log.info('shutdown: draining')
    await app.close()
    app.log.info('shutdown: closed')
  },
)

try {
  await app.listen({ port: config.port, host: config.host })
} catch (error) {
  app.log.fatal({ err: error }, 'cannot listen')
  process.exit(1)
}
