// The pages of a name that several places share (/city/Springfield) and of a search without the
// script (/search?q=): its answers, none (404), or a query it cannot take (400).
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { languageQuery, MAX_QUERY, SEARCH_PATH } from '../page-contract/search.ts'
import type { Place } from '../places/place-index.ts'
import { escapeHtml } from './escape.ts'
import { onPath, type PageAssets } from './page-frame.ts'
import { countPlaces, formatNumber, listPageOf, nameOf, placeListOf } from './place-list.ts'

const searchHref = (query: string) => (language: Language) =>
  `${SEARCH_PATH}?q=${encodeURIComponent(query)}&lang=${language}`

export type SearchPages = ReturnType<typeof createSearchPages>

export const createSearchPages = (assets: PageAssets) => ({
  /** The places a name at /city/{Name} stands for, largest first, each linking its page. */
  namesakes: (path: string, places: readonly Place[], language: Language) => {
    const { places: words } = LANGUAGE_PACKS[language].page
    const [largest] = places
    const heading = words.namesakes(largest ? nameOf(largest, language) : '')
    return listPageOf({
      language,
      assets,
      title: heading,
      heading,
      selfHref: onPath(path),
      lines: [words.largestFirst(countPlaces(places.length, language))],
      body: placeListOf(places, language),
    })
  },

  /** Several places match the query: the best first; `cut` when there were more than shown. */
  results: (query: string, places: readonly Place[], cut: boolean, language: Language) => {
    const { places: words } = LANGUAGE_PACKS[language].page
    const count = countPlaces(places.length, language)
    const lines = [words.foundCount(count)]
    if (cut) lines.push(words.narrow(formatNumber(places.length, language)))
    return listPageOf({
      language,
      assets,
      title: words.found(query),
      heading: words.found(query),
      selfHref: searchHref(query),
      searchValue: query,
      lines,
      body: placeListOf(places, language),
    })
  },

  /** No place matches (the 404): check the spelling, or browse the index. */
  none: (query: string, language: Language) => {
    const { page } = LANGUAGE_PACKS[language]
    return listPageOf({
      language,
      assets,
      title: page.places.noneTitle,
      heading: page.places.noneTitle,
      selfHref: searchHref(query),
      searchValue: query,
      lines: [page.places.none],
      body: `<p><a href="/cities${languageQuery(language)}">${escapeHtml(page.places.browse)}</a></p>`,
    })
  },

  /** An empty, over-long or repeated query (the 400): what the search takes. Nothing is echoed. */
  bad: (language: Language) => {
    const { places: words } = LANGUAGE_PACKS[language].page
    return listPageOf({
      language,
      assets,
      title: words.badTitle,
      heading: words.badTitle,
      selfHref: onPath(SEARCH_PATH),
      lines: [words.bad(formatNumber(MAX_QUERY, language))],
    })
  },
})
