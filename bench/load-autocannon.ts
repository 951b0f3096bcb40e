// autocannon, in this process: the bench's first load generator and the load of bench/load-drain.ts.
import autocannon from 'autocannon'
import { judgeFailures, type Measured, type Tool } from './measured.ts'
import { cpuSecondsOf, HOST, type Server } from './servers.ts'

export type LoadResult = autocannon.Result

// autocannon both returns its running instance (events, stop()) and is thenable, but its types
// give one or the other: the callback form, typed as the instance, with the result as a promise.
export const startLoad = (options: autocannon.Options) => {
  const { promise, resolve, reject } = Promise.withResolvers<LoadResult>()
  const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
  return { instance, result: promise }
}

// Each connection is replaced after this many requests, before the service's own cap (1000, in
// src/server-limits.ts) closes it: autocannon keeps a request lost to a server-side close in its
// queue and then times every later answer on that connection against the wrong request.
const RECONNECT_EVERY = 500

export type AutocannonLoad = {
  connections: number
  pipelining: number
  duration: number
  overallRate?: number
}

/** One autocannon run; latencies are kept unrounded (autocannon's own histogram is in whole ms). */
export const measureAutocannon = async (
  server: Server,
  path: string,
  load: AutocannonLoad,
): Promise<Measured> => {
  const latencies: number[] = []
  const cpuBefore = cpuSecondsOf(server)
  const clientBefore = process.cpuUsage()
  const { instance, result: done } = startLoad({
    url: `http://${HOST}:${server.port}${path}`,
    connections: load.connections,
    pipelining: load.pipelining,
    duration: load.duration,
    reconnectRate: RECONNECT_EVERY,
    ...(load.overallRate ? { overallRate: load.overallRate } : {}),
  })
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  const result = await done
  const cpu = cpuSecondsOf(server) - cpuBefore
  const client = process.cpuUsage(clientBefore)
  const { errors, timeouts, non2xx } = result
  judgeFailures(
    `autocannon, ${server.name} ${path}`,
    errors + timeouts + non2xx,
    result.requests.total,
    `${errors} errors, ${timeouts} timeouts, ${non2xx} non-2xx`,
  )
  const sorted = Float64Array.from(latencies).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return {
    rps: result.requests.total / result.duration,
    p50: at(0.5),
    p99: at(0.99),
    cpuShare: cpu / result.duration,
    cpuUs: (cpu * 1e6) / result.requests.total,
    clientShare: (client.user + client.system) / 1e6 / result.duration,
  }
}

/** autocannon as a column group of the tables: without pipelining, or at `pipelining`. */
export const autocannonTool = (connections: number, seconds: number, pipelining = 1): Tool => ({
  name: pipelining > 1 ? `autocannon ×${pipelining}` : 'autocannon',
  run: (server, path) =>
    measureAutocannon(server, path, { connections, pipelining, duration: seconds }),
})
