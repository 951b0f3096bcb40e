// What every HTML page shares: the head, the header (search form, index, language switch) and the
// footer's credits.
import { API_ROUTES } from '../http/api-contract.ts'
import { LANGUAGE_PACKS, LANGUAGES, type Language } from '../i18n/languages.ts'
import { languageQuery, MAX_QUERY, SEARCH_IDS, SEARCH_PATH } from '../page-contract/search.ts'
import { escapeHtml } from './escape.ts'

/** Public URLs of the page's assets (content-hashed, so cacheable forever). */
export type PageAssets = { script: string; style: string; icon: string }

export type HeadInput = {
  language: Language
  title: string
  description: string
  assets: PageAssets
  /** Attributes of `<html>` beyond its lang, escaped already: the clock's data for the script. */
  rootAttributes?: string
}

/** From the doctype to `</head>`: one script, one stylesheet, no inline script or style. */
export const headOf = ({ language, title, description, assets, rootAttributes = '' }: HeadInput) =>
  `<!doctype html>\n<html lang="${language}"${rootAttributes}><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<title>${escapeHtml(title)}</title><meta name="description" content="${escapeHtml(description)}">` +
  `<meta name="color-scheme" content="light dark">` +
  `<link rel="icon" href="${escapeHtml(assets.icon)}" type="image/svg+xml">` +
  `<link rel="stylesheet" href="${escapeHtml(assets.style)}">` +
  `<script type="module" src="${escapeHtml(assets.script)}"></script></head>`

/**
 * The search: a plain GET form that works without the script, which makes the field a combobox
 * (src/client/search.ts). `value` is the query the page answers, shown again in the field.
 */
export const searchFormOf = (language: Language, value = '') => {
  const { search } = LANGUAGE_PACKS[language].page
  const lang = language === 'en' ? '' : `<input type="hidden" name="lang" value="${language}">`
  return (
    `<form id="${SEARCH_IDS.form}" class="search" role="search" action="${SEARCH_PATH}" method="get" aria-label="${escapeHtml(search.label)}">` +
    `<label for="${SEARCH_IDS.input}" class="vh">${escapeHtml(search.label)}</label>` +
    `<input id="${SEARCH_IDS.input}" name="q" type="search" required maxlength="${MAX_QUERY}" placeholder="${escapeHtml(search.placeholder)}" value="${escapeHtml(value)}">` +
    `${lang}<button type="submit">${escapeHtml(search.button)}</button></form>`
  )
}

/**
 * The header: the search, the index, and the language switch; `selfHref` is this page in another
 * language (the path with its own query, if any, and `lang`).
 */
export const headerOf = (
  language: Language,
  selfHref: (language: Language) => string,
  searchValue = '',
) => {
  const { page } = LANGUAGE_PACKS[language]
  const nav = LANGUAGES.map(
    (other) =>
      `<a href="${escapeHtml(selfHref(other))}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>${LANGUAGE_PACKS[other].name}</a>`,
  ).join('')
  const cities = `<a href="/cities${languageQuery(language)}">${escapeHtml(page.allCities)}</a>`
  return (
    `<header>${searchFormOf(language, searchValue)}${cities}` +
    `<nav aria-label="${escapeHtml(page.languageNav)}">${nav}</nav></header>`
  )
}

/** `path?lang=xx`: the language switch's links for a page whose path is its whole address. */
export const onPath = (path: string) => (language: Language) => `${path}?lang=${language}`

/** The credits every page carries, and the API's links where the page shows a zone. */
export const footerOf = (language: Language, zoneApi?: string) => {
  const { page } = LANGUAGE_PACKS[language]
  const api = zoneApi
    ? `<a href="${escapeHtml(zoneApi)}">${escapeHtml(page.json)}</a><a href="${API_ROUTES.openApi}">${escapeHtml(page.api)}</a>`
    : ''
  return (
    `<footer>${api}` +
    // DB-IP's licence (CC BY 4.0) asks for this line wherever its data is used: /api/ip is.
    `<a href="https://db-ip.com">IP Geolocation by DB-IP</a>` +
    // GeoNames' (CC BY 4.0): the places, their names and coordinates.
    `<a href="https://www.geonames.org">${escapeHtml(page.geonames)}</a></footer>`
  )
}
