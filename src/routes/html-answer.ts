// How every HTML page answers: in the request's language, never cached, varying by language; and
// how a page redirects to its canonical address, keeping the language and nothing else.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HTML_TYPE } from '../http/media-types.ts'
import { type PreparedHeaders, prepareHeaders, sendPrepared } from '../http/prepared-answer.ts'
import { DOCUMENT_HEADERS } from '../http/security-headers.ts'
import type { Language } from '../i18n/languages.ts'
import { chooseLanguage } from '../render/language.ts'

export const languageOf = (request: FastifyRequest): Language =>
  chooseLanguage(
    (request.query as Record<string, unknown> | undefined)?.lang,
    request.headers['accept-language'],
  )

// Per language, made once: a document's security headers and a page's own.
const PAGE_HEADERS = new Map<Language, PreparedHeaders>()
const pageHeaders = (language: Language) => {
  let headers = PAGE_HEADERS.get(language)
  if (!headers) {
    headers = prepareHeaders(DOCUMENT_HEADERS, {
      'cache-control': 'no-store',
      vary: 'accept-language',
      'content-language': language,
      'content-type': HTML_TYPE,
    })
    PAGE_HEADERS.set(language, headers)
  }
  return headers
}

/** Every page: in the request's language, never cached, varying by language. */
export const sendHtml = (reply: FastifyReply, language: Language, html: string, status = 200) =>
  sendPrepared(reply, status, pageHeaders(language), html)

/**
 * A redirect to `location` (a path of ours): a valid `?lang=` survives it, nothing else of the
 * request does, so nothing the request says is echoed.
 */
export const redirectKeepingLanguage = (
  request: FastifyRequest,
  reply: FastifyReply,
  location: string,
  status: 301 | 302,
) => {
  const { lang } = (request.query ?? {}) as Record<string, unknown>
  const search = lang === languageOf(request) ? `?lang=${lang}` : ''
  return reply.header('cache-control', 'no-store').redirect(location + search, status)
}
