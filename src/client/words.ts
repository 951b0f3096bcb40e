// What the page's script says, in the page's language: the verdict, differences, the wall clock.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'

const NBSP = '\u00a0'
const pad2 = (n: number) => String(n).padStart(2, '0')

// Intl objects are costly to build and this runs every second: each is built once.
const formats = new Map<string, Intl.NumberFormat | Intl.PluralRules>()
const cached = <T extends Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T => {
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

export type Verdict = { state: 'exact' | 'off'; text: string }

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

export type System = keyof ReturnType<typeof packOf>['client']['fix']

/** The visitor's system, for the one line on how to set its clock. */
export const systemOf = (userAgent: string, platform = ''): System => {
  const ua = `${userAgent} ${platform}`
  if (/iPhone|iPad|iPod/.test(ua)) return 'ios'
  if (/Android/.test(ua)) return 'android'
  if (/Windows/.test(ua)) return 'windows'
  if (/Mac/.test(ua)) return 'macos'
  if (/Linux|X11|CrOS/.test(ua)) return 'linux'
  return 'other'
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

/** "Moscow is 8 hours ahead of you", from the UTC offsets (minutes) of the zone and the visitor. */
export const describeZoneDifference = (
  zoneOffset: number,
  visitorOffset: number,
  city: string,
  cityIn: string,
  language: Language,
): string => {
  const { client } = packOf(language)
  const difference = zoneOffset - visitorOffset
  if (difference === 0) return client.same(city, cityIn)
  const by = formatDifference(difference, language)
  return difference > 0 ? client.ahead(city, by) : client.behind(city, by)
}

/** "From 28 March, Moscow is 2 hours ahead of you": the difference from a coming change. */
export const describeDifferenceFrom = (
  date: string,
  zoneOffset: number,
  visitorOffset: number,
  city: string,
  cityIn: string,
  language: Language,
): string => {
  const { client } = packOf(language)
  if (zoneOffset === visitorOffset) return client.sameFrom(date, city, cityIn)
  return client.from(
    date,
    describeZoneDifference(zoneOffset, visitorOffset, city, cityIn, language),
  )
}

/**
 * The wall clock of instant `ms` at `offsetMinutes` east of UTC: "16:20", "31", the ISO form for
 * `<time datetime>` and "+03:00". The offset is the server's (tzdb's newest rules), never the
 * browser's own data for the zone, which may be older.
 */
export const zonedTime = (ms: number, offsetMinutes: number) => {
  const wall = new Date(ms + offsetMinutes * 60_000)
  const size = Math.abs(offsetMinutes)
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(size / 60))}:${pad2(size % 60)}`
  const hm = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`
  const ss = pad2(wall.getUTCSeconds())
  const iso = `${wall.toISOString().slice(0, 10)}T${hm}:${ss}${offset}`
  return { hm, ss, iso, offset, offsetMinutes }
}
