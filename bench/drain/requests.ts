// What the load test's client and nginx saw of a phase's requests: any failed one fails the test.
import type { LoadResult } from '../load-autocannon.ts'
import type { LogMarks, Nginx } from './nginx.ts'

export const totals = (result: LoadResult) => {
  const answered = Object.values(result.statusCodeStats ?? {}).reduce(
    (sum, { count = 0 }) => sum + count,
    0,
  )
  return {
    // autocannon's own "sent" also counts requests its rate limiter only queued; these went out.
    sent: answered + result.errors,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
    ),
  }
}

/** Prints what the client and then nginx saw since the marks; returns the failed requests. */
export const failures = async (
  nginx: Nginx,
  result: ReturnType<typeof totals>,
  marks: LogMarks,
) => {
  await nginx.flush()
  const failed = result.non2xx + result.errors + result.timeouts
  console.log(`  requests: ${JSON.stringify(result)}`)
  console.log(`  nginx → instances: ${JSON.stringify(nginx.figuresSince(marks))}`)
  console.log(`  FAILED REQUESTS: ${failed} of ${result.sent} sent`)
  return failed
}
