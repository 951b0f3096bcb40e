// Prometheus metrics: every answer counted by method, route pattern and status.
import { collectDefaultMetrics, Gauge, type Metric, Registry } from 'prom-client'
import { createAnswerCounts } from './answer-counts.ts'

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
  const answers = createAnswerCounts()
  registry.registerMetric(
    answers.counter(
      'http_requests_total',
      'HTTP requests answered, by method, route pattern and status',
    ) as unknown as Metric,
  )
  registry.registerMetric(
    answers.histogram(
      'http_request_duration_seconds',
      'Time from request to response, by method, route pattern and status',
    ) as unknown as Metric,
  )
  return { registry, observe: answers.observe }
}
