// The search form every page renders and the script turns into a combobox: ids, paths, limits.

/** The form's and the field's ids; the script adds the listbox and its options. */
export const SEARCH_IDS = {
  form: 'search',
  input: 'q',
  list: 'q-list',
  /** Each option's id is this and its position: q-opt-0, q-opt-1, ... */
  option: 'q-opt-',
} as const

/** Where the form goes with JavaScript off, and the suggestions' API (src/routes/places.ts). */
export const SEARCH_PATH = '/search'
export const SUGGEST_PATH = '/api/places'

/** The longest query the API and /search take: longer ones name no place, and are refused. */
export const MAX_QUERY = 100

/** A phone's screen shows eight suggestions below the field without scrolling. */
export const SUGGESTIONS = 8

/** Typing pauses this long before the script asks: one request per word, not per letter. */
export const SUGGEST_DELAY_MS = 150

/** What the script reads of each place the API answers. */
export type Suggestion = { name: string; where: string; page: string }

/** A place's region and country as both sides write them: "Illinois, United States". */
export const placeWhere = (region: string | null | undefined, country: string) =>
  region && region !== country ? `${region}, ${country}` : country

export const suggestUrl = (query: string, language: string) =>
  `${SUGGEST_PATH}?q=${encodeURIComponent(query)}&lang=${language}&limit=${SUGGESTIONS}`

/**
 * The API's answer as suggestions; anything not shaped as expected is dropped, and a page that is
 * not a path on this origin ("//elsewhere", "https:...") is never followed.
 */
export const readSuggestions = (answer: unknown): Suggestion[] => {
  if (!Array.isArray(answer)) return []
  return answer.flatMap((item) => {
    if (!item || typeof item !== 'object') return []
    const { name, region, country_name: country, page } = item as Record<string, unknown>
    if (typeof name !== 'string' || typeof country !== 'string' || typeof page !== 'string')
      return []
    if (!/^\/(?![/\\])/.test(page)) return []
    return [{ name, where: placeWhere(typeof region === 'string' ? region : null, country), page }]
  })
}

/** A link's `?lang=`: the page's language, kept where it is not the default. */
export const languageQuery = (language: string) => (language === 'en' ? '' : `?lang=${language}`)
