// The production bundle as the load test runs it: instances on fixed ports behind nginx, each with
// its own metrics listener and log, each restarted in place (bench/servers.ts starts and stops them).
import { openSync } from 'node:fs'
import { join } from 'node:path'
import { HOST, ROOT, type Server, startServer, stopServer } from '../servers.ts'

/** metricsPort: each instance's own metrics listener, as in a pod; the default 9464 would clash. */
export type Instance = Server & { metricsPort: number; generation: number }

/** The work directory (logs) and the instances' SHUTDOWN_DELAY_MS. */
export type InstanceSetup = { dir: string; shutdownDelayMs: number }

export const startInstance = async (
  { dir, shutdownDelayMs }: InstanceSetup,
  port: number,
  metricsPort: number,
  generation = 0,
): Promise<Instance> => {
  const log = openSync(join(dir, `instance-${port}-${generation}.log`), 'a')
  const server = await startServer({
    name: `instance on ${port}`,
    port,
    launch: () => ({
      args: [join(ROOT, 'dist/server.mjs')],
      env: {
        PATH: process.env.PATH ?? '',
        HOST,
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        SHUTDOWN_DELAY_MS: String(shutdownDelayMs),
      },
    }),
    readyPath: '/readyz',
    pollMs: 50,
    timeoutMs: 15_000,
    stdio: ['ignore', log, log],
  })
  return { ...server, metricsPort, generation }
}

/** SIGTERM and wait for the exit however long the drain takes: the drain is what is tested. */
export const stopInstance = (instance: Instance) => stopServer(instance, Number.POSITIVE_INFINITY)

/** SIGTERM, wait for the exit (it must be 0: drained in time), start a new one on the same port. */
export const restart = async (setup: InstanceSetup, instance: Instance) => {
  const signalledAt = performance.now()
  const { code, signal, ms: drainMs } = await stopInstance(instance)
  if (code !== 0) throw new Error(`instance on ${instance.port} exited ${code ?? signal}`)
  const next = await startInstance(
    setup,
    instance.port,
    instance.metricsPort,
    instance.generation + 1,
  )
  return { next, drainMs, downMs: performance.now() - signalledAt - drainMs }
}
