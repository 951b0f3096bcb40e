// The shape of a language: every string the page needs, on the server and in the browser.

/** A place's name as the sentences of a language need it. */
export type City = { name: string; inName: string }

/** What the server renders. */
export type PageStrings = {
  title: (city: City) => string
  description: (city: City) => string
  heading: (city: City) => string
  languageNav: string
  noScript: string
  api: string
  json: string
}

/** What the page's script shows. Plural forms are keyed by Intl.PluralRules categories. */
export type ClientStrings = {
  checking: string
  exact: (within: string) => string
  fast: (by: string, within: string) => string
  slow: (by: string, within: string) => string
  failed: string
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
