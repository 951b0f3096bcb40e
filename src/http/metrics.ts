// Prometheus metrics: every answer counted by method, route pattern and status.
import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

// Latency buckets in seconds, dense below 10 ms where this service lives.
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
// Any other method shares one label, so odd methods cannot grow the series count.
const METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'])

export type Metrics = {
  registry: Registry
  /** Counts one answer; `route` is a route pattern, `unmatched`, or `malformed` (parser errors). */
  observe(method: string, route: string, status: number, seconds: number): void
}

export const createMetrics = ({ tzdbVersion }: { tzdbVersion: string }): Metrics => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  new Gauge({
    name: 'tzdb_info',
    help: 'The tzdb release the zone rules come from (always 1)',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version: tzdbVersion }, 1)
  const labelNames = ['method', 'route', 'status_code'] as const
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by method, route pattern and status',
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  })
  // prom-client hashes a label object on every call; a series' bound children skip that. Routes
  // are patterns and methods are bounded, so the series are few.
  type Series = {
    counter: ReturnType<typeof requests.labels>
    histogram: ReturnType<typeof duration.labels>
  }
  const series = new Map<string, Series>()
  const seriesOf = (method: string, route: string, status: number) => {
    const key = `${method} ${status} ${route}`
    let found = series.get(key)
    if (!found) {
      const labels = [method, route, String(status)]
      found = { counter: requests.labels(...labels), histogram: duration.labels(...labels) }
      series.set(key, found)
    }
    return found
  }
  return {
    registry,
    observe: (method, route, status, seconds) => {
      const { counter, histogram } = seriesOf(METHODS.has(method) ? method : 'OTHER', route, status)
      counter.inc()
      histogram.observe(seconds)
    },
  }
}

/** Counts every answer Fastify sends, by route pattern (never the raw URL). */
export const countAnswers = (app: FastifyInstance, metrics: Metrics) => {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    done()
  })
}
