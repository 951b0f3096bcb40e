// Which of the page's languages a request gets: ?lang=, then Accept-Language, then English.
import { LANGUAGES, type Language } from '../i18n/languages.ts'

export type { Language }

const DEFAULT_LANGUAGE: Language = 'en'

const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

// A real Accept-Language is a few dozen bytes; a longer one is cut rather than parsed at length.
const MAX_HEADER = 256

/** The best of our languages for an Accept-Language header (RFC 9110 weights), or undefined. */
export const languageFromHeader = (header: string | undefined): Language | undefined => {
  if (!header) return undefined
  let best: { language: Language; q: number } | undefined
  for (const range of header.slice(0, MAX_HEADER).split(',')) {
    const [tag = '', ...params] = range.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    if (!(q > 0 && q <= 1)) continue
    const primary = tag.trim().split('-', 1)[0]
    const language = isLanguage(primary) ? primary : primary === '*' ? DEFAULT_LANGUAGE : undefined
    // Ties keep the earlier range, as listed order is the client's own preference.
    if (language && (!best || q > best.q)) best = { language, q }
  }
  return best?.language
}

/** `?lang=` wins when it names one of our languages; anything else is ignored, never echoed. */
export const chooseLanguage = (queryLang: unknown, acceptLanguage: string | undefined): Language =>
  isLanguage(queryLang) ? queryLang : (languageFromHeader(acceptLanguage) ?? DEFAULT_LANGUAGE)
