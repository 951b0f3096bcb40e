// ezTime's timezoned protocol, the lookup alone (docs/devices.md): a query to its one-line answer.
import { posixTzOf, tzdbNames, zonePlaces } from '../time/tzdb.ts'
import type { ZoneRegistry } from '../time/zones.ts'

export type AnswerKind =
  | 'ok'
  | 'timezone_not_found'
  | 'country_not_found'
  | 'country_spans_multiple'
  | 'geoip_failed'

export type TimezonedAnswer = { kind: AnswerKind; text: string }

/** The original server's error answers, word for word: ezTime shows what follows `ERROR `. */
export const TIMEZONED_ERRORS: Record<Exclude<AnswerKind, 'ok'>, string> = {
  timezone_not_found: 'ERROR Timezone Not Found',
  country_not_found: 'ERROR Country Not Found',
  country_spans_multiple: 'ERROR Country Spans Multiple Timezones',
  geoip_failed: 'ERROR GeoIP Lookup Failed',
}

export const ANSWER_KINDS = ['ok', ...Object.keys(TIMEZONED_ERRORS)] as AnswerKind[]

// ezTime's parser reads the number after the DST name as an amount of DST, not an offset, so
// tzdb's negative-DST rule (IST-1GMT0) would keep Ireland on UTC+1 all year. The original server
// sends the same transitions the other way round, as here.
const EZTIME_RULES: Readonly<Record<string, string>> = {
  'Europe/Dublin': 'GMT0IST,M3.5.0/1,M10.5.0',
}

// As the original: the United Kingdom by its common name, and Germany (Berlin and Busingen) as
// Berlin.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' }
const COUNTRY_ZONES: Readonly<Record<string, string>> = { DE: 'Europe/Berlin' }
// A country's zones as zone.tab lists them: each zone under the country of its principal
// location, which zone1970.tab's rows name first, except Crimea's, listed "alphabetically" (RU,UA).
const PRINCIPAL_COUNTRY: Readonly<Record<string, string>> = { 'Europe/Simferopol': 'UA' }

/** Country code to its zones, from the vendored zone1970.tab and zone.tab (docs/devices.md). */
export const zonesByCountry = (): Map<string, string[]> => {
  const countries = new Map<string, string[]>()
  for (const [zone, [codes]] of Object.entries(zonePlaces)) {
    const code = PRINCIPAL_COUNTRY[zone] ?? codes.slice(0, 2)
    countries.set(code, [...(countries.get(code) ?? []), zone])
  }
  return countries
}

/** A name a query may be part of, with what the ranking needs. */
type Candidate = { name: string; lower: string; lastPart: number; isLink: boolean }

// Higher is better: the whole last part (`moscow`), its beginning, a part's beginning, anywhere.
const scoreOf = ({ lower, lastPart }: Candidate, query: string): number => {
  if (lower.startsWith(query, lastPart)) return lower.length === lastPart + query.length ? 3 : 2
  const at = lower.indexOf(query)
  if (at < 0) return -1
  return at === 0 || lower.includes(`/${query}`) ? 1 : 0
}

const better = (a: Candidate, aScore: number, b: Candidate, bScore: number) => {
  if (aScore !== bScore) return aScore > bScore
  if (a.isLink !== b.isLink) return !a.isLink
  return a.name < b.name
}

export type TimezonedLookup = {
  /** The answer to a query (the text before `#`, trimmed); `geoip` gives the sender's zone. */
  answer(query: string, geoip: () => string | undefined): TimezonedAnswer
}

export const createTimezonedLookup = (zones: ZoneRegistry): TimezonedLookup => {
  const links = tzdbNames.links
  const candidates: Candidate[] = [...new Set([...zones.names, ...Object.keys(links)])]
    .filter((name) => zones.resolve(name) === name)
    .map((name) => ({
      name,
      lower: name.toLowerCase(),
      lastPart: name.lastIndexOf('/') + 1,
      isLink: links[name] !== undefined,
    }))
  const longest = Math.max(...candidates.map((candidate) => candidate.name.length))
  const countries = zonesByCountry()
  const ok = (name: string): TimezonedAnswer => {
    const rule = EZTIME_RULES[links[name] ?? name] ?? posixTzOf(name)
    if (rule === undefined)
      return { kind: 'timezone_not_found', text: TIMEZONED_ERRORS.timezone_not_found }
    return { kind: 'ok', text: `OK ${name} ${rule}` }
  }
  const error = (kind: Exclude<AnswerKind, 'ok'>): TimezonedAnswer => ({
    kind,
    text: TIMEZONED_ERRORS[kind],
  })
  const byCountry = (code: string): TimezonedAnswer => {
    const country = COUNTRY_ALIASES[code] ?? code
    const fixed = COUNTRY_ZONES[country]
    if (fixed) return ok(fixed)
    const found = countries.get(country) ?? []
    if (found.length === 0) return error('country_not_found')
    return found.length === 1 ? ok(found[0] as string) : error('country_spans_multiple')
  }
  const bySubstring = (query: string): TimezonedAnswer => {
    if (query.length > longest) return error('timezone_not_found')
    let best: Candidate | undefined
    let bestScore = -1
    for (const candidate of candidates) {
      const score = scoreOf(candidate, query)
      if (score >= 0 && (!best || better(candidate, score, best, bestScore))) {
        best = candidate
        bestScore = score
      }
    }
    return best ? ok(best.name) : error('timezone_not_found')
  }
  return {
    answer: (query, geoip) => {
      const text = query.replaceAll(' ', '_')
      const upper = text.toUpperCase()
      if (upper === 'GEOIP') {
        const zone = geoip()
        return zone === undefined ? error('geoip_failed') : ok(zone)
      }
      // Two letters are a country code, as in the original (GB, NZ: the countries, not the links).
      if (/^[A-Z]{2}$/.test(upper)) return byCountry(upper)
      const exact = zones.resolve(text)
      return exact === undefined ? bySubstring(text.toLowerCase()) : ok(exact)
    },
  }
}
