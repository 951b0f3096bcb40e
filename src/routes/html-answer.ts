// How every HTML page answers: in the request's language, never cached, varying by language; and
// how a page redirects to its canonical address, keeping the language and nothing else.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HTML_TYPE } from '../http/media-types.ts'
import type { Language } from '../i18n/languages.ts'
import { chooseLanguage } from '../render/language.ts'

export const languageOf = (request: FastifyRequest): Language =>
  chooseLanguage(
    (request.query as Record<string, unknown> | undefined)?.lang,
    request.headers['accept-language'],
  )

/** Every page: in the request's language, never cached, varying by language. */
export const sendHtml = (reply: FastifyReply, language: Language, html: string, status = 200) =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('vary', 'accept-language')
    .header('content-language', language)
    .type(HTML_TYPE)
    .send(html)

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
