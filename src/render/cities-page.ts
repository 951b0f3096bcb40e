// The city index: every listed zone's page, grouped by tzdb's areas; plain HTML, no script.
import { LANGUAGE_PACKS, LANGUAGES, type Language } from '../i18n/languages.ts'
import type { PageStrings } from '../i18n/pack.ts'
import { cityName } from './cities.ts'
import { escapeHtml } from './escape.ts'

type Area = keyof PageStrings['areas']

const areaOf = (zone: string): Area => {
  const [first = '', rest] = zone.split('/', 2)
  return rest === undefined
    ? 'other'
    : first in LANGUAGE_PACKS.en.page.areas
      ? (first as Area)
      : 'other'
}

export type CitiesPageOptions = { zones: readonly string[]; style: string; icon: string }

/**
 * The index in each language, built when first asked for and kept: the zones never change while
 * the process runs, and a cold start need not sort 446 names twice.
 */
export const createCitiesPage = ({ zones, style, icon }: CitiesPageOptions) => {
  const pages = new Map<Language, string>()
  const build = (language: Language) => {
    const { page, locale } = LANGUAGE_PACKS[language]
    const collator = new Intl.Collator(locale)
    const groups = new Map<Area, Array<{ zone: string; name: string }>>()
    for (const zone of zones) {
      const area = areaOf(zone)
      groups.set(area, [...(groups.get(area) ?? []), { zone, name: cityName(zone, language) }])
    }
    const query = language === 'en' ? '' : `?lang=${language}`
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
    const nav = LANGUAGES.map(
      (other) =>
        `<a href="/cities?lang=${other}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>${escapeHtml(LANGUAGE_PACKS[other].name)}</a>`,
    ).join('')
    return (
      `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(page.citiesTitle)}</title><meta name="description" content="${escapeHtml(page.citiesTitle)}">` +
      `<meta name="color-scheme" content="light dark"><link rel="icon" href="${escapeHtml(icon)}" type="image/svg+xml">` +
      `<link rel="stylesheet" href="${escapeHtml(style)}"></head>` +
      `<body class="index"><header><nav aria-label="${escapeHtml(page.languageNav)}">${nav}</nav></header>` +
      `<main><h1>${escapeHtml(page.citiesTitle)}</h1>${sections}</main></body></html>\n`
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
