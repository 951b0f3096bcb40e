// The HTML error page: its status in the visitor's language, linking the configured zone's page.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import type { ErrorStatus } from '../i18n/pack.ts'
import { languageQuery } from '../page-contract/search.ts'
import { cityOf } from './city.ts'
import { escapeHtml } from './escape.ts'
import { chooseLanguage } from './language.ts'
import { searchFormOf } from './page-frame.ts'

/** What of the request the page depends on: its `?lang=` and Accept-Language, as the pages'. */
export type ErrorPageRequest = { status: number; lang: unknown; acceptLanguage: string | undefined }

export type ErrorPage = { language: Language; html: string }

export type RenderErrorPage = (request: ErrorPageRequest) => ErrorPage

export type ErrorPageOptions = {
  /** The zone of `/` (TIME_ZONE), whose page the error page links. */
  timeZone: string
}

const buildPage = (status: number, language: Language, timeZone: string) => {
  const { page } = LANGUAGE_PACKS[language]
  const title = page.errors[String(status) as ErrorStatus] ?? page.errors.other
  // The links keep a language the visitor chose, as the pages' own links do.
  const query = languageQuery(language)
  return (
    `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${status} ${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>` +
    `<p><a href="/${query}">${escapeHtml(page.heading(cityOf(timeZone, language)))}</a> · ` +
    `<a href="/cities${query}">${escapeHtml(page.allCities)}</a></p>${searchFormOf(language)}</body></html>\n`
  )
}

/** Each status's page in each language, built when first asked for and kept: few are ever asked. */
export const createErrorPage = ({ timeZone }: ErrorPageOptions): RenderErrorPage => {
  const pages = new Map<string, string>()
  return ({ status, lang, acceptLanguage }) => {
    const language = chooseLanguage(lang, acceptLanguage)
    const key = `${language} ${status}`
    let html = pages.get(key)
    if (html === undefined) {
      html = buildPage(status, language, timeZone)
      pages.set(key, html)
    }
    return { language, html }
  }
}
