import { nameOffset } from './tzdb.ts'

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
type Period = {
  fromNs: bigint | null
  untilNs: bigint | null
  abbreviation: string
  dst: boolean
  dstOffset: number
  rawOffset: number
  utcOffset: string
  dstFrom: string | null
  dstUntil: string | null
}

const utcString = (instant: Temporal.Instant) => instant.toString({ timeZone: 'UTC' })

const latest = (a: bigint | null, b: bigint | null) =>
  a === null ? b : b === null || a > b ? a : b
const earliest = (a: bigint | null, b: bigint | null) =>
  a === null ? b : b === null || a < b ? a : b

const findPeriod = (instant: Temporal.Instant, zone: string): Period => {
  const here = instant.toZonedDateTimeISO(zone)
  // 'previous' looks strictly before its receiver: a transition at this very instant counts.
  const from = instant
    .add({ nanoseconds: 1 })
    .toZonedDateTimeISO(zone)
    .getTimeZoneTransition('previous')
  const until = here.getTimeZoneTransition('next')
  const offsetSeconds = here.offsetNanoseconds / 1e9
  const named = nameOffset(zone, Math.floor(instant.epochMilliseconds / 1000), offsetSeconds)
  const dst = named.dstSeconds !== 0
  // A zone can rename its offset without changing it (PDT becoming MST): a period ends there too.
  const toNs = (seconds: number | null) =>
    seconds === null ? null : BigInt(seconds) * 1_000_000_000n
  const fromNs = latest(from ? from.epochNanoseconds : null, toNs(named.since))
  const untilNs = earliest(until ? until.epochNanoseconds : null, toNs(named.until))
  return {
    fromNs,
    untilNs,
    abbreviation: named.abbreviation,
    dst,
    dstOffset: named.dstSeconds,
    rawOffset: offsetSeconds - named.dstSeconds,
    utcOffset: here.offset,
    dstFrom: dst && from ? utcString(from.toInstant()) : null,
    dstUntil: dst && until ? utcString(until.toInstant()) : null,
  }
}

const contains = (period: Period, ns: bigint) =>
  (period.fromNs === null || period.fromNs <= ns) &&
  (period.untilNs === null || ns < period.untilNs)

/** Describes instants in zones, reusing each zone's current period until the next transition. */
export const createTimeDescriber = () => {
  const periods = new Map<string, Period>()
  return (instant: Temporal.Instant, zone: string): TimeInfo => {
    const ns = instant.epochNanoseconds
    let period = periods.get(zone)
    if (!period || !contains(period, ns)) {
      period = findPeriod(instant, zone)
      periods.set(zone, period)
    }
    const local = instant.toZonedDateTimeISO(period.utcOffset)
    return {
      abbreviation: period.abbreviation,
      datetime: local.toString({ fractionalSecondDigits: 6, timeZoneName: 'never' }),
      day_of_week: local.dayOfWeek % 7,
      day_of_year: local.dayOfYear,
      dst: period.dst,
      dst_from: period.dstFrom,
      dst_offset: period.dstOffset,
      dst_until: period.dstUntil,
      raw_offset: period.rawOffset,
      timezone: zone,
      unixtime: Math.floor(instant.epochMilliseconds / 1000),
      utc_datetime: instant.toString({ timeZone: 'UTC', fractionalSecondDigits: 6 }),
      utc_offset: period.utcOffset,
      week_number: local.weekOfYear ?? 0,
    }
  }
}

export type TimeDescriber = ReturnType<typeof createTimeDescriber>
