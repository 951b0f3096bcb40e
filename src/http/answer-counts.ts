// Answers counted as they go, in plain numbers, and turned into Prometheus series only when
// scraped: no label object built or hashed per request (prom-client's own series hash their
// labels on every observation).

// Latency buckets in seconds, dense below 10 ms where this service lives.
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
// Any other method shares one label, so odd methods cannot grow the series count.
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'OTHER'] as const
const OTHER = METHODS.length - 1

type Series = { labels: Record<string, string>; count: number; sum: number; buckets: number[] }
type Value = {
  value: number
  labels: Record<string, string | number>
  sharedLabels?: Record<string, string>
  metricName?: string
}

/** A metric as prom-client's registry reads it (registerMetric): values made on each scrape. */
export type CollectedMetric = {
  name: string
  help: string
  type: 'counter' | 'histogram'
  get(): Promise<{ name: string; help: string; type: string; values: Value[] }>
  reset(): void
}

const methodIndex = (method: string) => {
  const index = METHODS.indexOf(method as (typeof METHODS)[number])
  return index < 0 ? OTHER : index
}

export const createAnswerCounts = () => {
  // route -> method index -> status -> series; route patterns and statuses are few.
  const routes = new Map<string, Array<Map<number, Series>>>()
  const seriesOf = (method: string, route: string, status: number) => {
    let methods = routes.get(route)
    if (!methods) {
      methods = METHODS.map(() => new Map())
      routes.set(route, methods)
    }
    const index = methodIndex(method)
    const byStatus = methods[index] as Map<number, Series>
    let series = byStatus.get(status)
    if (!series) {
      const labels = { method: METHODS[index] as string, route, status_code: String(status) }
      series = { labels, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }
      byStatus.set(status, series)
    }
    return series
  }
  const all = () =>
    [...routes.values()].flatMap((methods) => methods.flatMap((m) => [...m.values()]))
  return {
    /** Counts one answer; `route` is a route pattern, `unmatched`, or `malformed`. */
    observe(method: string, route: string, status: number, seconds: number) {
      const series = seriesOf(method, route, status)
      series.count += 1
      series.sum += seconds
      let bucket = 0
      while (bucket < BUCKETS.length && seconds > (BUCKETS[bucket] as number)) bucket += 1
      if (bucket < BUCKETS.length) series.buckets[bucket] = (series.buckets[bucket] as number) + 1
    },
    counter: (name: string, help: string): CollectedMetric =>
      collected(name, help, 'counter', () =>
        all().map((s) => ({ value: s.count, labels: s.labels })),
      ),
    histogram: (name: string, help: string): CollectedMetric =>
      collected(name, help, 'histogram', () => all().flatMap((s) => histogramValues(name, s))),
  }
}

const collected = (
  name: string,
  help: string,
  type: CollectedMetric['type'],
  values: () => Value[],
): CollectedMetric => ({
  name,
  help,
  type,
  get: async () => ({ name, help, type, values: values() }),
  reset: () => {},
})

// As prom-client writes a histogram: cumulative buckets, +Inf, then _sum and _count.
const histogramValues = (name: string, series: Series): Value[] => {
  let cumulative = 0
  const buckets: Value[] = BUCKETS.map((le, i) => {
    cumulative += series.buckets[i] as number
    return bucketValue(name, le, cumulative, series)
  })
  return [
    ...buckets,
    bucketValue(name, '+Inf', series.count, series),
    { value: series.sum, labels: {}, sharedLabels: series.labels, metricName: `${name}_sum` },
    { value: series.count, labels: {}, sharedLabels: series.labels, metricName: `${name}_count` },
  ]
}

const bucketValue = (name: string, le: number | string, value: number, series: Series): Value => ({
  value,
  labels: { le },
  sharedLabels: series.labels,
  metricName: `${name}_bucket`,
})
