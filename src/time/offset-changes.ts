// A zone's changes of UTC offset, from the vendored tzdb: what the page says about clock changes.
import { findPeriod } from './tzdb.ts'

/** The clocks change at `at` (epoch seconds) from `fromOffset` to `offset` (seconds east of UTC). */
export type OffsetChange = {
  at: number
  fromOffset: number
  offset: number
  dst: number
  abbreviation: string
}

/** The zone's offset changes in [from, to), in order; renames without a new offset are no change. */
export const offsetChangesBetween = (zone: string, from: number, to: number): OffsetChange[] => {
  const changes: OffsetChange[] = []
  let period = findPeriod(zone, from)
  while (period && period.until !== null && period.until < to) {
    const next = findPeriod(zone, period.until)
    if (!next) break
    if (next.offset !== period.offset) {
      const { offset, dst, abbreviation } = next
      changes.push({ at: period.until, fromOffset: period.offset, offset, dst, abbreviation })
    }
    period = next
  }
  return changes
}

/** When the zone's offset last changed at or before `at` (epoch seconds); null: not since 1970. */
export const lastOffsetChange = (zone: string, at: number): number | null => {
  let period = findPeriod(zone, at)
  while (period && period.from !== null) {
    const before = findPeriod(zone, period.from - 1)
    if (!before || before.offset !== period.offset) return period.from
    period = before
  }
  return null
}
