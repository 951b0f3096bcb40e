// The city index: every listed zone's page, grouped by tzdb's areas, then every country's page;
// plain links, and the script only for the search field.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import type { PageStrings } from '../i18n/pack.ts'
import { languageQuery } from '../page-contract/search.ts'
import type { Names } from '../places/place-index.ts'
import { cityName } from './cities.ts'
import { escapeHtml } from './escape.ts'
import { footerOf, headerOf, headOf, onPath, type PageAssets } from './page-frame.ts'
import { countryPath } from './place-view.ts'

type Area = keyof PageStrings['areas']

const areaOf = (zone: string): Area => {
  const [first = '', rest] = zone.split('/', 2)
  return rest === undefined
    ? 'other'
    : first in LANGUAGE_PACKS.en.page.areas
      ? (first as Area)
      : 'other'
}

export type Country = { code: string; names: Names }

export type CitiesPageOptions = {
  zones: readonly string[]
  assets: PageAssets
  /** Every country with places, read from the place index when the index is first built. */
  countries: () => readonly Country[]
}

/** Every country's page, by name in the page's language. */
const countriesOf = (
  countries: readonly Country[],
  language: Language,
  collator: Intl.Collator,
) => {
  const { page } = LANGUAGE_PACKS[language]
  const items = countries
    .map(({ code, names }) => ({ code, name: names[language] }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(
      ({ code, name }) =>
        `<li><a href="${escapeHtml(countryPath(code) + languageQuery(language))}">${escapeHtml(name)}</a></li>`,
    )
    .join('')
  return `<section id="countries"><h2>${escapeHtml(page.places.countries)}</h2><ul class="cities">${items}</ul></section>`
}

/**
 * The index in each language, built when first asked for and kept: the zones never change while
 * the process runs, and a cold start need not sort 446 names twice.
 */
export const createCitiesPage = ({ zones, assets, countries }: CitiesPageOptions) => {
  const pages = new Map<Language, string>()
  const build = (language: Language) => {
    const { page, locale } = LANGUAGE_PACKS[language]
    const collator = new Intl.Collator(locale)
    const groups = new Map<Area, Array<{ zone: string; name: string }>>()
    for (const zone of zones) {
      const area = areaOf(zone)
      groups.set(area, [...(groups.get(area) ?? []), { zone, name: cityName(zone, language) }])
    }
    const query = languageQuery(language)
    const sections = (Object.keys(page.areas) as Area[])
      .filter((area) => groups.has(area))
      .map((area) => {
        const items = (groups.get(area) ?? [])
          .sort((a, b) => collator.compare(a.name, b.name))
          .map(
            ({ zone, name }) =>
              `<li><a href="/${escapeHtml(zone)}${query}">${escapeHtml(name)}</a></li>`,
          )
          .join('')
        return `<section><h2>${escapeHtml(page.areas[area])}</h2><ul class="cities">${items}</ul></section>`
      })
      .join('')
    const title = page.citiesTitle
    return (
      `${headOf({ language, title, description: title, assets })}<body class="index">` +
      `${headerOf(language, onPath('/cities'))}<main><h1>${escapeHtml(title)}</h1>` +
      `<p><a href="#countries">${escapeHtml(page.places.countries)}</a></p>${sections}` +
      `${countriesOf(countries(), language, collator)}</main>${footerOf(language)}</body></html>\n`
    )
  }
  return (language: Language) => {
    let html = pages.get(language)
    if (html === undefined) {
      html = build(language)
      pages.set(language, html)
    }
    return html
  }
}
