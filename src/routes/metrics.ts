import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { tzdbVersion } from '../time/tzdb.ts'

// Latency buckets in seconds, dense below 10 ms where this service lives.
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** Process metrics plus request count and duration, labelled by route pattern (never raw URL). */
export const registerMetrics = (app: FastifyInstance, registry = new Registry()) => {
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

  app.addHook('onResponse', (request, reply, done) => {
    // Unmatched URLs share one label so scanners cannot grow the series count.
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    }
    requests.inc(labels)
    duration.observe(labels, reply.elapsedTime / 1000)
    done()
  })

  app.get('/metrics', async (_request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics()),
  )
  return registry
}
