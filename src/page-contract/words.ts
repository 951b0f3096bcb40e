// The verdict's, the differences' and the zone line's words, for the server and the script alike.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import type { VerdictState } from './ids.ts'

const NBSP = '\u00a0'

/** Intl objects are costly to build (the words run every second, pages on every request): each is built once. */
const formats = new Map<string, Intl.NumberFormat | Intl.PluralRules>()
export const cached = <T extends Intl.NumberFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T => {
  let value = formats.get(key)
  if (!value) {
    value = make()
    formats.set(key, value)
  }
  return value as T
}

const packOf = (language: Language) => LANGUAGE_PACKS[language] ?? LANGUAGE_PACKS.en

const seconds = (ms: number, digits: number, language: Language) => {
  const { locale, client } = packOf(language)
  const format = cached(
    `n:${locale}:${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  )
  return `${format.format(ms / 1000)}${NBSP}${client.units.s}`
}

/** "2 h 37 s", "4 min 12 s", "0.42 s": no zero units; whole seconds past a minute. */
export const formatError = (ms: number, language: Language): string => {
  const size = Math.abs(ms)
  if (size < 60_000) return seconds(size, size < 10_000 ? 2 : 1, language)
  const { h, min, s } = packOf(language).client.units
  const total = Math.round(size / 1000)
  const parts: Array<[number, string]> = [
    [Math.floor(total / 3600), h],
    [Math.floor((total % 3600) / 60), min],
    [total % 60, s],
  ]
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${NBSP}${unit}`)
    .join(' ')
}

export type Verdict = { state: Extract<VerdictState, 'exact' | 'off'>; text: string }

// An error this small is no error to a person, whatever the measurement's bound.
const NEGLIGIBLE_MS = 100

/**
 * The verdict on the device's clock, given `offset` = server minus device and its uncertainty.
 * Exact within the uncertainty or under 0.1 s; else fast or slow by how much, with the bound
 * only where it is at least 1 % of the error (rounded up, never down).
 */
export const judgeClock = (offset: number, uncertainty: number, language: Language): Verdict => {
  const { client } = packOf(language)
  const size = Math.abs(offset)
  if (size <= uncertainty || size < NEGLIGIBLE_MS) return { state: 'exact', text: client.exact }
  // A device that is ahead of the server is fast: its offset is negative.
  const sentence =
    offset < 0 ? client.fast(formatError(size, language)) : client.slow(formatError(size, language))
  if (uncertainty < size / 100) return { state: 'off', text: sentence }
  const digits = uncertainty < 1000 ? 2 : 1
  const step = 1000 / 10 ** digits
  const bound = seconds(Math.ceil(uncertainty / step) * step, digits, language)
  return { state: 'off', text: `${sentence} ${client.within(bound)}` }
}

/** "8 hours", "2 hours 30 minutes", "21 минуту": a difference of offsets, in minutes. */
export const formatDifference = (minutes: number, language: Language): string => {
  const { locale, client } = packOf(language)
  const plural = cached(`p:${locale}`, () => new Intl.PluralRules(locale))
  const count = (n: number, forms: Record<string, string>) =>
    `${n}${NBSP}${forms[plural.select(n)] ?? forms.other}`
  const size = Math.abs(minutes)
  const hours = Math.floor(size / 60)
  const rest = size % 60
  return [hours ? count(hours, client.hours) : '', rest ? count(rest, client.minutes) : '']
    .filter(Boolean)
    .join(' ')
}

/** A zone's UTC offset against the visitor's (minutes east), and how the page names the city. */
export type ZoneDifference = {
  zoneOffset: number
  visitorOffset: number
  city: string
  cityIn: string
  language: Language
}

/** "Moscow is 8 hours ahead of you", from the UTC offsets (minutes) of the zone and the visitor. */
export const describeZoneDifference = (d: ZoneDifference): string => {
  const { client } = packOf(d.language)
  const difference = d.zoneOffset - d.visitorOffset
  if (difference === 0) return client.same(d.city, d.cityIn)
  const by = formatDifference(difference, d.language)
  return difference > 0 ? client.ahead(d.city, by) : client.behind(d.city, by)
}

/** "From 28 March, Moscow is 2 hours ahead of you": the difference from a coming change. */
export const describeDifferenceFrom = (date: string, d: ZoneDifference): string => {
  const { client } = packOf(d.language)
  if (d.zoneOffset === d.visitorOffset) return client.sameFrom(date, d.city, d.cityIn)
  return client.from(date, describeZoneDifference(d))
}

/** The zone's line: "MSK · UTC+03:00", from the abbreviation as the language writes it. */
export const formatZoneLine = (abbreviation: string, isoOffset: string): string =>
  `${abbreviation} · UTC${isoOffset}`
