// Pages that list places (a name's namesakes, a search's answers, a country's places): the shell,
// the list, and counts in words ("37 places", «37 населённых пунктов»).
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { cached } from '../page-contract/words.ts'
import type { Place } from '../places/place-index.ts'
import { escapeHtml } from './escape.ts'
import { footerOf, headerOf, headOf, type PageAssets } from './page-frame.ts'
import { placeHref, whereOf } from './place-view.ts'

const localeOf = (language: Language) => LANGUAGE_PACKS[language].locale

/** 4691 as the language writes it: "4,691", «4 691». */
export const formatNumber = (value: number, language: Language) =>
  cached(`n:${localeOf(language)}`, () => new Intl.NumberFormat(localeOf(language))).format(value)

/** "37 places", «37 населённых пунктов»: the noun declined for the number. */
export const countPlaces = (count: number, language: Language) => {
  const rules = cached(`p:${localeOf(language)}`, () => new Intl.PluralRules(localeOf(language)))
  const forms: Record<string, string> = LANGUAGE_PACKS[language].page.places.placeForms
  const noun = forms[rules.select(count)] ?? forms.other
  return `${formatNumber(count, language)}\u00a0${noun}`
}

/** The place's name in the page's language: its Russian one where the index has it. */
export const nameOf = (place: Place, language: Language) =>
  language === 'ru' && place.ru ? place.ru : place.name

/**
 * Places as an ordered list, each linking its page, with where it is and its people; a country's
 * page leaves the country out.
 */
export const placeListOf = (
  places: readonly Place[],
  language: Language,
  { withCountry = true, start = 1 } = {},
) => {
  const items = places.map((place) => {
    const where = whereOf(place, language, withCountry)
    const people = place.population > 0 ? formatNumber(place.population, language) : ''
    const detail = [where, people].filter(Boolean).join(' · ')
    return (
      `<li><a href="${escapeHtml(placeHref(place, language))}">${escapeHtml(nameOf(place, language))}</a>` +
      (detail ? ` <span>${escapeHtml(detail)}</span>` : '') +
      '</li>'
    )
  })
  return `<ol class="places"${start > 1 ? ` start="${start}"` : ''}>${items.join('')}</ol>`
}

export type ListPageInput = {
  language: Language
  assets: PageAssets
  title: string
  heading: string
  /** This page in another language, for the switch. */
  selfHref: (language: Language) => string
  /** The query the page answers, shown again in the search field. */
  searchValue?: string
  /** The page's sentences under the heading, as text. */
  lines: readonly string[]
  /** The rest of main, as HTML (escaped by its maker). */
  body?: string
}

/** A page of the index's kind: header, heading, a few lines, a list; no clock. */
export const listPageOf = (input: ListPageInput) => {
  const { language, title, heading, lines, body = '' } = input
  const head = headOf({ language, title, description: title, assets: input.assets })
  return (
    `${head}<body class="index">${headerOf(language, input.selfHref, input.searchValue)}` +
    `<main><h1>${escapeHtml(heading)}</h1>` +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    `${body}</main>${footerOf(language)}</body></html>\n`
  )
}
