// The worldtimeapi time object for an instant in a zone, from the vendored tzdb's periods.
import { formatIsoOffset, formatTimeOfDay } from './format.ts'
import { findPeriod } from './tzdb.ts'

/** The worldtimeapi.org time object, less `client_ip` (which belongs to HTTP). */
export type TimeInfo = {
  abbreviation: string
  datetime: string
  day_of_week: number
  day_of_year: number
  dst: boolean
  dst_from: string | null
  dst_offset: number
  dst_until: string | null
  raw_offset: number
  timezone: string
  unixtime: number
  utc_datetime: string
  utc_offset: string
  week_number: number
}

// What holds between two offset transitions of a zone; computed once per period, not per call.
type CurrentPeriod = {
  fromNs: bigint | null
  untilNs: bigint | null
  abbreviation: string
  dst: boolean
  dstOffset: number
  rawOffset: number
  utcOffset: string
  offsetSeconds: number
  dstFrom: string | null
  dstUntil: string | null
}

// The calendar fields of one local date, as Temporal gives them.
type CalendarDay = { date: string; dayOfWeek: number; dayOfYear: number; weekNumber: number }

const SECONDS_PER_DAY = 86_400
const NS_PER_SECOND = 1_000_000_000n
const EPOCH_DATE = Temporal.PlainDate.from('1970-01-01')

const utcString = (epochSeconds: number) =>
  Temporal.Instant.fromEpochMilliseconds(epochSeconds * 1000).toString({ timeZone: 'UTC' })

const toNs = (seconds: number | null) => (seconds === null ? null : BigInt(seconds) * NS_PER_SECOND)

const periodAt = (instant: Temporal.Instant, zone: string): CurrentPeriod => {
  const named = findPeriod(zone, Math.floor(instant.epochMilliseconds / 1000))
  if (!named) throw new RangeError(`unknown zone ${zone}`)
  const dst = named.dst !== 0
  return {
    fromNs: toNs(named.from),
    untilNs: toNs(named.until),
    abbreviation: named.abbreviation,
    dst,
    dstOffset: named.dst,
    rawOffset: named.offset - named.dst,
    utcOffset: formatIsoOffset(named.offset / 60),
    offsetSeconds: named.offset,
    dstFrom: dst && named.from !== null ? utcString(named.from) : null,
    dstUntil: dst && named.until !== null ? utcString(named.until) : null,
  }
}

const contains = (period: CurrentPeriod, ns: bigint) =>
  (period.fromNs === null || period.fromNs <= ns) &&
  (period.untilNs === null || ns < period.untilNs)

const calendarDayOf = (dayNumber: number): CalendarDay => {
  const date = EPOCH_DATE.add({ days: dayNumber })
  return {
    date: date.toString(),
    dayOfWeek: date.dayOfWeek % 7,
    dayOfYear: date.dayOfYear,
    weekNumber: date.weekOfYear ?? 0,
  }
}

/**
 * Describes instants in zones, reusing each zone's current period until the next transition and
 * each local date's calendar fields until the date changes: per call, only the time of day is
 * computed, by arithmetic on the instant and the period's fixed offset.
 */
export const createTimeDescriber = () => {
  const periods = new Map<string, CurrentPeriod>()
  // Keyed by days since 1970-01-01; only the two or three dates in use somewhere on Earth recur.
  const days = new Map<number, CalendarDay>()
  const calendarDay = (dayNumber: number) => {
    let day = days.get(dayNumber)
    if (!day) {
      if (days.size >= 16) days.clear()
      day = calendarDayOf(dayNumber)
      days.set(dayNumber, day)
    }
    return day
  }

  return (instant: Temporal.Instant, zone: string): TimeInfo => {
    const ns = instant.epochNanoseconds
    let period = periods.get(zone)
    if (!period || !contains(period, ns)) {
      period = periodAt(instant, zone)
      periods.set(zone, period)
    }
    const unixtime = Math.floor(instant.epochMilliseconds / 1000)
    const micros = Math.floor(Number(ns - BigInt(unixtime) * NS_PER_SECOND) / 1000)
    const localSeconds = unixtime + period.offsetSeconds
    const localDay = Math.floor(localSeconds / SECONDS_PER_DAY)
    const utcDay = Math.floor(unixtime / SECONDS_PER_DAY)
    const local = calendarDay(localDay)
    // As Temporal's toString({ fractionalSecondDigits: 6 }) writes them, offset included.
    const fraction = `.${String(micros).padStart(6, '0')}`
    const localClock = formatTimeOfDay(localSeconds - localDay * SECONDS_PER_DAY)
    const utcClock = formatTimeOfDay(unixtime - utcDay * SECONDS_PER_DAY)
    return {
      abbreviation: period.abbreviation,
      datetime: `${local.date}T${localClock}${fraction}${period.utcOffset}`,
      day_of_week: local.dayOfWeek,
      day_of_year: local.dayOfYear,
      dst: period.dst,
      dst_from: period.dstFrom,
      dst_offset: period.dstOffset,
      dst_until: period.dstUntil,
      raw_offset: period.rawOffset,
      timezone: zone,
      unixtime,
      utc_datetime: `${calendarDay(utcDay).date}T${utcClock}${fraction}+00:00`,
      utc_offset: period.utcOffset,
      week_number: local.weekNumber,
    }
  }
}

export type TimeDescriber = ReturnType<typeof createTimeDescriber>
