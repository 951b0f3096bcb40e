// The shape of a language: every string the page needs, on the server and in the browser.
import type { ErrorStatus } from './status-titles.ts'

/** A place's name as the sentences of a language need it. */
export type City = { name: string; inName: string }

/** The statuses the service answers with an error page of its own words. */
export type { ErrorStatus } from './status-titles.ts'

/** What the server renders. */
export type PageStrings = {
  /** "UTC+3 all year; no clock change since 26 October 2014"; `since` null: not since 1970. */
  allYear: (offset: string, since: string | null) => string
  /** "Clocks go forward 1 h to BST on 28 March 2027" */
  clocksForward: (amount: string, abbreviation: string, date: string) => string
  /** "Clocks go back 1 h to GMT on 25 October 2026" */
  clocksBack: (amount: string, abbreviation: string, date: string) => string
  /** "Sunrise 07:02 · sunset 16:51 · day 9 h 49 min" */
  sun: (rise: string, set: string, length: string) => string
  polarDay: string
  polarNight: string
  /** Units of a duration: "9 h 49 min". */
  duration: { h: string; min: string }
  /** The city index: its title and heading, and tzdb's areas by name ("other": one-part zones). */
  citiesTitle: string
  areas: Record<
    | 'Africa'
    | 'America'
    | 'Antarctica'
    | 'Arctic'
    | 'Asia'
    | 'Atlantic'
    | 'Australia'
    | 'Europe'
    | 'Indian'
    | 'Pacific'
    | 'Etc'
    | 'other',
    string
  >
  /** The HTML error page's heading by status (RFC 9110's reason phrases), `other` for the rest. */
  errors: Record<ErrorStatus | 'other', string>
  /** The link to the city index. */
  allCities: string
  /** A tzdb abbreviation as the language writes it (Russian writes Moscow's as МСК). */
  abbreviation: (tzdb: string) => string
  title: (city: City) => string
  /** The verdict's words before the script writes, and with JavaScript off: one short line. */
  verdictNoScript: string
  description: (city: City) => string
  heading: (city: City) => string
  languageNav: string
  noScript: string
  api: string
  json: string
  /** GeoNames' credit (CC BY 4.0) in the footer, beside DB-IP's. */
  geonames: string
  /** The search form on every page. */
  search: { label: string; placeholder: string; button: string }
  /** The pages of places: a place's list, a country's, a search's answers. */
  places: PlacesStrings
}

/** The words of the places' pages; counts come as "37 places" (placeForms, declined). */
export type PlacesStrings = {
  /** A count's noun by Intl.PluralRules category: "place(s)", «населённый пункт(а, ов)». */
  placeForms: Record<string, string>
  /** "37 places, the largest first" */
  largestFirst: (count: string) => string
  /** The list of places that share a name: its heading. */
  namesakes: (name: string) => string
  /** A country's page: "Russia: time in every place". */
  country: (country: string) => string
  /** "Places 501–1,000 of 4,691", over a page of a long country. */
  range: (from: string, to: string, total: string) => string
  /** The pager's name. */
  pages: string
  /** The heading of the countries on the index. */
  countries: string
  /** A search's answers: title and heading... */
  found: (query: string) => string
  /** ..."12 places found, best match first"... */
  foundCount: (count: string) => string
  /** ...and, when the list is cut, how to narrow it. */
  narrow: (shown: string) => string
  /** No place matches: the 404 page. */
  noneTitle: string
  none: string
  /** The link to the index on the 404 page. */
  browse: string
  /** An empty, long or repeated q: the 400 page. */
  badTitle: string
  bad: (max: string) => string
}

/** What the page's script shows. Plural forms are keyed by Intl.PluralRules categories. */
export type ClientStrings = {
  checking: string
  /** The verdict: the device's clock is right... */
  exact: string
  /** ...or fast or slow by "2 h 37 s"... */
  fast: (by: string) => string
  slow: (by: string) => string
  /** ...give or take ("±0.02 s"), said only when it matters... */
  within: (bound: string) => string
  /** ...or could not be checked, and why, on the line below. */
  failed: string
  retrying: string
  /** How to set the clock right, by the visitor's system. */
  fix: Record<'windows' | 'macos' | 'ios' | 'android' | 'linux' | 'other', string>
  /** "From 28 March, Moscow is 2 hours ahead of you": `sentence` is one of ahead or behind. */
  from: (date: string, sentence: string) => string
  /** "From 28 March, you are on Moscow time". */
  sameFrom: (date: string, city: string, cityIn: string) => string
  units: { h: string; min: string; s: string }
  ahead: (city: string, by: string) => string
  behind: (city: string, by: string) => string
  same: (city: string, cityIn: string) => string
  hours: Record<string, string>
  minutes: Record<string, string>
}

export type LanguagePack = {
  /** Its own name, for the language switch. */
  name: string
  /** BCP 47 locale for Intl. */
  locale: string
  page: PageStrings
  client: ClientStrings
}
