// timeapi.io's time objects (CurrentTime, ConversionResult, CalculationResult), field for field in
// its order and forms: a date-time without offset and 0-7 fraction digits, MM/dd/yyyy, HH:mm.
import { pad2 } from '../../time/format.ts'
import type { LocalTime, ZonedTime } from './local-time.ts'

/** .NET's DayOfWeek names, Monday first (ISO's numbering: 1 = Monday). */
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export const dayName = (isoDayOfWeek: number): string => DAY_NAMES[isoDayOfWeek - 1] ?? ''

const year4 = (year: number) => String(year).padStart(4, '0')

/**
 * yyyy-MM-ddTHH:mm:ss and the ticks as .NET writes them (System.Text.Json): up to seven digits,
 * trailing zeros dropped, no point when none is left.
 */
export const formatLocalDateTime = (t: LocalTime): string => {
  const fraction = t.ticks === 0 ? '' : `.${String(t.ticks).padStart(7, '0').replace(/0+$/, '')}`
  return `${year4(t.year)}-${pad2(t.month)}-${pad2(t.day)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}${fraction}`
}

// The fields every one of the three objects opens with, in timeapi.io's order.
const clockFields = ({ local: t }: ZonedTime) => ({
  year: t.year,
  month: t.month,
  day: t.day,
  hour: t.hour,
  minute: t.minute,
  seconds: t.second,
  // Truncated, not rounded: .4868092 is 486, as the captures show.
  milliSeconds: Math.floor(t.ticks / 10_000),
  dateTime: formatLocalDateTime(t),
  // MM/dd/yyyy in every live answer (the Swagger's dd/MM examples are not what it sends).
  date: `${pad2(t.month)}/${pad2(t.day)}/${year4(t.year)}`,
  time: `${pad2(t.hour)}:${pad2(t.minute)}`,
})

export type CurrentTime = ReturnType<typeof clockFields> & {
  timeZone: string
  dayOfWeek: string
  dstActive: boolean
}

/** GET /api/Time/current/...: the 13 fields. */
export const currentTimeOf = (time: ZonedTime, timeZone: string): CurrentTime => ({
  ...clockFields(time),
  timeZone,
  dayOfWeek: dayName(time.local.dayOfWeek),
  dstActive: time.period.dst !== 0,
})

/** ConvertTimeZone's conversionResult: no dayOfWeek (its schema has none). */
export const conversionResultOf = (time: ZonedTime, timeZone: string) => ({
  ...clockFields(time),
  timeZone,
  dstActive: time.period.dst !== 0,
})

/** The Calculation routes' calculationResult: neither timeZone nor dayOfWeek. */
export const calculationResultOf = (time: ZonedTime) => ({
  ...clockFields(time),
  dstActive: time.period.dst !== 0,
})
