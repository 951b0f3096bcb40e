// The timezoned listener's Prometheus series, on the service's registry: answers by kind, drops
// by reason, and the rate-limit table.
import { Counter, Gauge, type Registry } from 'prom-client'
import type { MalformedReason } from './datagram.ts'
import type { RateLimiter } from './rate-limit.ts'
import { ANSWER_KINDS, type AnswerKind } from './timezoned-lookup.ts'

export type DropReason = MalformedReason | 'rate_limited' | 'send_failed'

const DROP_REASONS: DropReason[] = ['empty', 'too_long', 'binary', 'rate_limited', 'send_failed']

export type TimezonedMetrics = {
  answered(kind: AnswerKind): void
  dropped(reason: DropReason): void
}

export const createTimezonedMetrics = (
  registry: Registry,
  limiter: RateLimiter,
): TimezonedMetrics => {
  const answers = new Counter({
    name: 'timezoned_answers_total',
    help: 'UDP timezoned answers sent, by kind (ok or the error)',
    labelNames: ['kind'],
    registers: [registry],
  })
  const drops = new Counter({
    name: 'timezoned_drops_total',
    help: 'UDP timezoned datagrams left unanswered, by reason',
    labelNames: ['reason'],
    registers: [registry],
  })
  new Gauge({
    name: 'timezoned_rate_table_entries',
    help: 'Sources in the rate-limit table (each answered within the last 3 s)',
    registers: [registry],
    collect() {
      this.set(limiter.size)
    },
  })
  new Counter({
    name: 'timezoned_rate_table_evictions_total',
    help: 'Sources forgotten before their 3 s were over, because the rate-limit table was full',
    registers: [registry],
    collect() {
      this.reset()
      this.inc(limiter.evicted)
    },
  })
  // Every series from the start, at 0, so a rate() over them never misses the first datagram.
  const kinds = new Map(ANSWER_KINDS.map((kind) => [kind, answers.labels(kind)]))
  const reasons = new Map(DROP_REASONS.map((reason) => [reason, drops.labels(reason)]))
  for (const series of [...kinds.values(), ...reasons.values()]) series.inc(0)
  return {
    answered: (kind) => kinds.get(kind)?.inc(),
    dropped: (reason) => reasons.get(reason)?.inc(),
  }
}
