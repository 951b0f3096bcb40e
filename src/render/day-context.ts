// The day's context for a city, in its language: its clock changes and its sun, at its own offsets.
import SunCalc from 'suncalc'
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { pad2 } from '../time/format.ts'
import { lastOffsetChange, offsetChangesBetween } from '../time/offset-changes.ts'
import { findPeriod, zonePlaces } from '../time/tzdb.ts'

const DAY = 86_400
// A change further off than this is not news: the zone is said to keep its offset all year.
const HORIZON = 366 * DAY

/**
 * "UTC+3", "UTC+5:30", "UTC−3:30": the offset as people read it (a true minus sign, as typography
 * wants), not ISO's "+03:00" (formatIsoOffset), which the API and the zone line use.
 */
export const formatUtcOffset = (seconds: number) => {
  const minutes = Math.round(Math.abs(seconds) / 60)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `UTC${seconds < 0 ? '\u2212' : '+'}${hours}${rest ? `:${pad2(rest)}` : ''}`
}

const offsetAt = (zone: string, epochSeconds: number) => findPeriod(zone, epochSeconds)?.offset ?? 0

/** Local wall time "07:02" in the zone at an instant. */
const wallTime = (zone: string, ms: number) => {
  const local = new Date(ms + offsetAt(zone, Math.floor(ms / 1000)) * 1000)
  return `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`
}

const duration = (ms: number, language: Language) => {
  const { h, min } = LANGUAGE_PACKS[language].page.duration
  const minutes = Math.round(ms / 60_000)
  return `${Math.floor(minutes / 60)}\u00a0${h} ${minutes % 60}\u00a0${min}`
}

export type Coordinates = { latitude: number; longitude: number }

export type DayContextInput = {
  zone: string
  now: Temporal.Instant
  language: Language
  /** Where the sun is reckoned: a place's own; by default the zone's, from zone1970.tab. */
  coordinates?: Coordinates
}

const coordinatesOf = ({ zone, coordinates }: DayContextInput): Coordinates | undefined => {
  if (coordinates) return coordinates
  const place = zonePlaces[zone]
  return place && { latitude: place[1], longitude: place[2] }
}

// Building an Intl format costs about 0.3 ms, more than the rest of a page: one per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormatOf = (locale: string) => {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
    dateFormats.set(locale, format)
  }
  return format
}

/** The next clock change within a year, or how long the offset has held. */
export const describeClockChanges = ({ zone, now, language }: DayContextInput): string => {
  const { page, locale } = LANGUAGE_PACKS[language]
  const at = Math.floor(now.epochMilliseconds / 1000)
  // The zone's local date of an instant, as its people would write it.
  const dateFormat = dateFormatOf(locale)
  const localDate = (seconds: number, offset: number) =>
    dateFormat.format((seconds + offset) * 1000)
  const [next] = offsetChangesBetween(zone, at, at + HORIZON)
  if (next) {
    const shift = next.offset - next.fromOffset
    const amount = duration(Math.abs(shift) * 1000, language).replace(/ 0\u00a0\S+$/, '')
    const date = localDate(next.at, next.offset)
    return shift > 0
      ? page.clocksForward(amount, next.abbreviation, date)
      : page.clocksBack(amount, next.abbreviation, date)
  }
  const since = lastOffsetChange(zone, at)
  return page.allYear(
    formatUtcOffset(offsetAt(zone, at)),
    since === null ? null : localDate(since, offsetAt(zone, since)),
  )
}

/** Sunrise, sunset and day length today at the city's coordinates; polar day and night in words. */
export const describeSun = (input: DayContextInput): string | undefined => {
  const { zone, now, language } = input
  const where = coordinatesOf(input)
  if (!where) return undefined
  const { latitude, longitude } = where
  const { page } = LANGUAGE_PACKS[language]
  // Noon of the city's own date, so that "today" is the city's day, not the server's.
  const at = Math.floor(now.epochMilliseconds / 1000)
  const offset = offsetAt(zone, at)
  const localMidnight = Math.floor((at + offset) / DAY) * DAY - offset
  const noon = new Date((localMidnight + DAY / 2) * 1000)
  const times = SunCalc.getTimes(noon, latitude, longitude)
  const rise = times.sunrise.getTime()
  const set = times.sunset.getTime()
  if (Number.isNaN(rise) || Number.isNaN(set)) {
    const altitude = SunCalc.getPosition(times.solarNoon, latitude, longitude).altitude
    return altitude > 0 ? page.polarDay : page.polarNight
  }
  return page.sun(wallTime(zone, rise), wallTime(zone, set), duration(set - rise, language))
}

// The lines change only with the city's day and at its transitions: each is worked out once.
const days = new Map<string, readonly string[]>()
const MAX_DAYS = 4096

/** Every line of the day's context, in order. */
export const describeDay = (input: DayContextInput): readonly string[] => {
  const at = Math.floor(input.now.epochMilliseconds / 1000)
  const period = findPeriod(input.zone, at)
  const day = Math.floor((at + (period?.offset ?? 0)) / DAY)
  // A place's lines are its own: the sun differs across a zone.
  const place = input.coordinates
    ? ` ${input.coordinates.latitude},${input.coordinates.longitude}`
    : ''
  const key = `${input.zone}${place} ${input.language} ${day} ${period?.until ?? ''}`
  let lines = days.get(key)
  if (!lines) {
    // Yesterday's lines are never asked for again: past the bound, start afresh.
    if (days.size >= MAX_DAYS) days.clear()
    lines = Object.freeze(
      [describeClockChanges(input), describeSun(input)].filter((line) => line !== undefined),
    )
    days.set(key, lines)
  }
  return lines
}
