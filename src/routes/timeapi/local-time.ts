// Local date-times as timeapi.io reads and writes them, and the instants they stand for in a zone:
// offsets from the vendored tzdb (findPeriod), Temporal for the calendar at a known offset only.
import { findPeriod, type ZonePeriod } from '../../time/tzdb.ts'

/** A wall-clock time: the calendar fields, and the fraction of its second in 100 ns ticks. */
export type LocalTime = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** 0 to 9,999,999: .NET's ticks, the precision of timeapi.io's date-times. */
  ticks: number
  /** 1 = Monday ... 7 = Sunday (ISO 8601). */
  dayOfWeek: number
  dayOfYear: number
}

/** An instant in a zone: its wall-clock time and the tzdb period it falls in. */
export type ZonedTime = { epochNs: bigint; local: LocalTime; period: ZonePeriod }

/** Which of two instants an ambiguous local time means: `dstAmbiguity`. */
export type Ambiguity = 'earlier' | 'later'

const NS = 1_000_000_000n
const DAY = 86_400

/** Whole seconds at or before `ns` (epoch nanoseconds). */
const secondsOf = (ns: bigint): number => {
  const q = ns / NS
  return Number(ns < 0n && q * NS !== ns ? q - 1n : q)
}

/** The calendar fields of a wall-clock count (epoch nanoseconds read as if UTC). */
export const localOf = (wallNs: bigint): LocalTime => {
  const t = Temporal.Instant.fromEpochNanoseconds(wallNs).toZonedDateTimeISO('UTC')
  const ticks = t.millisecond * 10_000 + t.microsecond * 10 + Math.floor(t.nanosecond / 100)
  const { year, month, day, hour, minute, second, dayOfWeek, dayOfYear } = t
  return { year, month, day, hour, minute, second, ticks, dayOfWeek, dayOfYear }
}

/** The time in `zone` at `epochNs`; undefined for a zone tzdb does not know. */
export const zonedAt = (zone: string, epochNs: bigint): ZonedTime | undefined => {
  const period = findPeriod(zone, secondsOf(epochNs))
  if (!period) return undefined
  return { epochNs, local: localOf(epochNs + BigInt(period.offset) * NS), period }
}

// yyyy-MM-dd HH:mm:ss with up to 7 fraction digits, as timeapi.io documents it; a T for the space
// too (clients send ISO strings), but never an offset or Z: a wall time has none.
type Six = [number, number, number, number, number, number]
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/

/**
 * A local date-time as epoch nanoseconds read as if it were UTC (its wall clock's count), or
 * undefined if it is not one: another form, a date that does not exist, a year outside 1-9999.
 */
export const parseLocalDateTime = (text: string): bigint | undefined => {
  const parts = LOCAL.exec(text)
  if (!parts) return undefined
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as Six
  if (year === 0) return undefined
  try {
    const plain = Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second },
      { overflow: 'reject' },
    )
    const ticks = BigInt((parts[7] ?? '').padEnd(7, '0'))
    return plain.toZonedDateTime('UTC').epochNanoseconds + ticks * 100n
  } catch {
    return undefined
  }
}

/** The wall-clock count (as parseLocalDateTime gives it) of a year-1 or year-9999 bound. */
export const LOCAL_RANGE = {
  min: Temporal.PlainDateTime.from('0001-01-01T00:00').toZonedDateTime('UTC').epochNanoseconds,
  max: Temporal.PlainDateTime.from('9999-12-31T23:59:59.9999999').toZonedDateTime('UTC')
    .epochNanoseconds,
}

const offsetAt = (zone: string, seconds: number) => findPeriod(zone, seconds)?.offset

/**
 * The instant a wall-clock time (`wallNs`, as parseLocalDateTime gives it) stands for in `zone`.
 * Twice-occurring times (clocks turned back) take the `ambiguity` instant; skipped ones (clocks
 * turned forward) are read with the offset before the gap, i.e. shifted forward by its length,
 * whatever `ambiguity` says: NodaTime's lenient resolver, Python's fold=0, Temporal's 'compatible'.
 */
export const instantOf = (zone: string, wallNs: bigint, ambiguity: Ambiguity): bigint => {
  const wall = secondsOf(wallNs)
  // Offsets in force around it: tzdb's changes are days apart and under a day in size.
  const before = offsetAt(zone, wall - DAY) ?? 0
  const offsets = new Set([before, offsetAt(zone, wall) ?? 0, offsetAt(zone, wall + DAY) ?? 0])
  const instants: bigint[] = []
  for (const offset of offsets) {
    const instant = wallNs - BigInt(offset) * NS
    if (offsetAt(zone, secondsOf(instant)) === offset) instants.push(instant)
  }
  if (instants.length === 0) return wallNs - BigInt(before) * NS
  instants.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return (ambiguity === 'later' ? instants.at(-1) : instants[0]) as bigint
}
