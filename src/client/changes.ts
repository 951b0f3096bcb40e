// Coming changes of the difference between the shown zone and the visitor's: pure, so the page's
// script and its tests share them.
import type { Change } from '../page-contract/page-data.ts'
import { CHANGES_AHEAD_MS } from '../page-contract/timing.ts'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/**
 * The changes of `offsetAt` (minutes east of UTC at an instant) from `from` to `to`, each to the
 * minute. Day by day, then halving: no zone changes its offset twice within a day, and the
 * browser's Intl knows nothing finer than its own transitions anyway.
 */
export const findOffsetChanges = (
  from: number,
  to: number,
  offsetAt: (ms: number) => number,
): Change[] => {
  const changes: Change[] = []
  for (let day = from; day < to; day += DAY_MS) {
    const end = Math.min(day + DAY_MS, to)
    const before = offsetAt(day)
    if (before === offsetAt(end)) continue
    let low = day
    let high = end
    while (high - low > MINUTE_MS) {
      const mid = Math.floor((low + high) / 2)
      if (offsetAt(mid) === before) low = mid
      else high = mid
    }
    changes.push([high, offsetAt(high)])
  }
  return changes
}

/** The zone's and the visitor's offsets from the first change of either within `CHANGES_AHEAD_MS`. */
export type ComingDifference = { atMs: number; zoneOffset: number; visitorOffset: number }

/**
 * The first coming change of the difference: the city's changes come from the server (tzdb), the
 * visitor's own from the browser. A change of both that leaves the difference as it is (London
 * and Dublin on the same night) is no news, and is skipped.
 */
export const comingDifference = (
  now: number,
  zoneOffset: number,
  cityChanges: readonly Change[],
  visitorOffsetAt: (ms: number) => number,
): ComingDifference | undefined => {
  const horizon = now + CHANGES_AHEAD_MS
  const visitorChanges = findOffsetChanges(now, horizon, visitorOffsetAt)
  const instants = [...cityChanges.map(([at]) => at), ...visitorChanges.map(([at]) => at)]
    .filter((at) => at > now && at < horizon)
    .sort((a, b) => a - b)
  const zoneAt = (at: number) => cityChanges.filter(([t]) => t <= at).at(-1)?.[1] ?? zoneOffset
  const differenceNow = zoneOffset - visitorOffsetAt(now)
  for (const at of instants) {
    const then = { atMs: at, zoneOffset: zoneAt(at), visitorOffset: visitorOffsetAt(at) }
    if (then.zoneOffset - then.visitorOffset !== differenceNow) return then
  }
  return undefined
}
