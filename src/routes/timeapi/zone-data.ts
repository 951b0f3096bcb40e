// timeapi.io's TimeZoneData: a zone's offsets now, and its DST period, from the vendored tzdb.
import { findPeriod, type ZonePeriod } from '../../time/tzdb.ts'
import type { ZonedTime } from './local-time.ts'
import { formatLocalDateTime } from './time-objects.ts'

const DAY = 86_400
/** How far ahead a DST period still makes a zone one "with DST" outside it. */
const SEASON_AHEAD = 366 * DAY

/** An offset as timeapi.io writes one (NodaTime's Offset): one value in four units. */
const offsetObject = (seconds: number) => ({
  seconds,
  milliseconds: seconds * 1_000,
  ticks: seconds * 10_000_000,
  nanoseconds: seconds * 1_000_000_000,
})

/** A whole number of seconds as NodaTime's Duration serializes it. */
const durationObject = (seconds: number) => {
  const days = Math.floor(seconds / DAY)
  const secondOfDay = seconds - days * DAY
  return {
    days,
    nanosecondOfDay: secondOfDay * 1_000_000_000,
    hours: Math.floor(secondOfDay / 3600),
    minutes: Math.floor(secondOfDay / 60) % 60,
    seconds: secondOfDay % 60,
    // tzdb's changes fall on whole seconds: nothing below one.
    milliseconds: 0,
    subsecondTicks: 0,
    subsecondNanoseconds: 0,
    bclCompatibleTicks: seconds * 10_000_000,
    totalDays: seconds / DAY,
    totalHours: seconds / 3600,
    totalMinutes: seconds / 60,
    totalSeconds: seconds,
    totalMilliseconds: seconds * 1_000,
    totalTicks: seconds * 10_000_000,
    totalNanoseconds: seconds * 1_000_000_000,
  }
}

const utcInstant = (seconds: number | null) =>
  seconds === null ? null : `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`

/**
 * The DST period to describe at `now` (epoch seconds): the one in force, else the next to begin
 * within a year (out of season a zone with DST says when its summer starts), else none.
 */
const dstPeriodOf = (zone: string, period: ZonePeriod, now: number) => {
  let current: ZonePeriod | undefined = period
  // A few renames or offset changes may come before it; a year holds only a handful.
  for (let step = 0; step < 8 && current; step++) {
    if (current.dst !== 0) return current
    if (current.until === null || current.until > now + SEASON_AHEAD) return undefined
    current = findPeriod(zone, current.until)
  }
  return undefined
}

const dstIntervalOf = (period: ZonePeriod) => ({
  dstName: period.abbreviation,
  dstOffsetToUtc: offsetObject(period.offset),
  dstOffsetToStandardTime: offsetObject(period.dst),
  dstStart: utcInstant(period.from),
  dstEnd: utcInstant(period.until),
  dstDuration:
    period.from === null || period.until === null
      ? null
      : durationObject(period.until - period.from),
})

/** GET /api/TimeZone/...: the zone's offsets now and its DST period (null when it has none). */
export const zoneDataOf = (time: ZonedTime, timeZone: string) => {
  const { period } = time
  const now = Number(time.epochNs / 1_000_000_000n)
  const dst = dstPeriodOf(timeZone, period, now)
  return {
    timeZone,
    currentLocalTime: formatLocalDateTime(time.local),
    currentUtcOffset: offsetObject(period.offset),
    standardUtcOffset: offsetObject(period.offset - period.dst),
    hasDayLightSaving: dst !== undefined,
    isDayLightSavingActive: period.dst !== 0,
    dstInterval: dst ? dstIntervalOf(dst) : null,
  }
}
