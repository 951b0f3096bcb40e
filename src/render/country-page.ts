// A country's page (/country/RU): its places by population, a page of them at a time.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { languageQuery } from '../page-contract/search.ts'
import type { Names, Place } from '../places/place-index.ts'
import { escapeHtml } from './escape.ts'
import { onPath, type PageAssets } from './page-frame.ts'
import { countPlaces, formatNumber, listPageOf, placeListOf } from './place-list.ts'
import { countryPath } from './place-view.ts'

/**
 * Places a page: 500 make a page of 45–58 KB (8–10 KB brotli), about the size of the index at
 * /cities; the United States' 16,742 take 34 pages.
 */
export const COUNTRY_PAGE_SIZE = 500

export type CountryPageInput = {
  code: string
  names: Names
  /** The country's places on this page, largest first. */
  places: readonly Place[]
  /** How many places the country has in all. */
  total: number
  /** This page's number, from 1. */
  page: number
}

export const countryPages = (total: number) => Math.max(1, Math.ceil(total / COUNTRY_PAGE_SIZE))

/** Links to every page of the country, the current one marked. */
const pagerOf = (code: string, total: number, current: number, language: Language) => {
  const pages = countryPages(total)
  if (pages === 1) return ''
  const links = Array.from({ length: pages }, (_, i) => {
    const page = i + 1
    const href = countryPath(code, page) + languageQuery(language)
    const mark = page === current ? ' aria-current="page"' : ''
    return `<a href="${escapeHtml(href)}"${mark}>${page}</a>`
  })
  const label = LANGUAGE_PACKS[language].page.places.pages
  return `<nav class="pager" aria-label="${escapeHtml(label)}">${links.join('')}</nav>`
}

export type RenderCountryPage = ReturnType<typeof createCountryPage>

export const createCountryPage =
  (assets: PageAssets) =>
  ({ code, names, places, total, page }: CountryPageInput, language: Language) => {
    const { places: words } = LANGUAGE_PACKS[language].page
    const country = names[language]
    const first = (page - 1) * COUNTRY_PAGE_SIZE + 1
    const lines = [words.largestFirst(countPlaces(total, language))]
    if (total > COUNTRY_PAGE_SIZE) {
      const last = first + places.length - 1
      const [from, to, all] = [first, last, total].map((n) => formatNumber(n, language))
      lines.push(words.range(from ?? '', to ?? '', all ?? ''))
    }
    const pager = pagerOf(code, total, page, language)
    return listPageOf({
      language,
      assets,
      title: words.country(country),
      heading: words.country(country),
      selfHref: onPath(countryPath(code, page)),
      lines,
      body: pager + placeListOf(places, language, { withCountry: false, start: first }) + pager,
    })
  }
