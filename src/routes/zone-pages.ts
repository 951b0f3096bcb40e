// A clock page for every listed zone (/Asia/Tokyo), canonical paths by 301, and the city index.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isApiPath, pathOf } from '../http/api-contract.ts'
import { sendError } from '../http/error-answers.ts'
import type { Language } from '../i18n/languages.ts'
import { cityOf } from '../render/city.ts'
import { describeDay } from '../render/day-context.ts'
import { chooseLanguage } from '../render/language.ts'
import type { PageModel } from '../render/page-model.ts'
import type { Clock } from '../time/clock.ts'
import { offsetChangesBetween } from '../time/offset-changes.ts'
import type { TimeDescriber } from '../time/time-info.ts'
import { findPeriod } from '../time/tzdb.ts'
import type { ZoneRegistry } from '../time/zones.ts'

// The visitor is told of changes this far ahead: "From 28 March, Moscow is 2 hours ahead of you".
const CHANGES_AHEAD_S = 8 * 7 * 86_400

export type ModelInput = { clock: Clock; describe: TimeDescriber }

/** Everything the page shows for `zone` now, in `language`. */
export const buildPageModel = (
  { clock, describe }: ModelInput,
  zone: string,
  path: string,
  language: Language,
): PageModel => {
  const now = clock()
  const at = Math.floor(now.epochMilliseconds / 1000)
  const until = findPeriod(zone, at)?.until ?? null
  return {
    time: describe(now, zone),
    zone,
    city: cityOf(zone, language),
    path,
    untilMs: until === null ? null : until * 1000,
    changes: offsetChangesBetween(zone, at, at + CHANGES_AHEAD_S).map((change) => ({
      atMs: change.at * 1000,
      offsetMinutes: change.offset / 60,
    })),
    context: describeDay({ zone, now, language }),
  }
}

export type ZonePagesDeps = ModelInput & {
  zones: ZoneRegistry
  render: (model: PageModel, language: Language) => string
  citiesPage: (language: Language) => string
}

const languageOf = (request: FastifyRequest) =>
  chooseLanguage(
    (request.query as Record<string, unknown>).lang,
    request.headers['accept-language'],
  )

const sendHtml = (reply: FastifyReply, language: Language, html: string) =>
  reply
    .header('cache-control', 'no-store')
    .header('vary', 'accept-language')
    .header('content-language', language)
    .type('text/html; charset=utf-8')
    .send(html)

export const registerZonePages = (app: FastifyInstance, deps: ZonePagesDeps) => {
  app.get('/cities', (request, reply) => {
    const language = languageOf(request)
    return sendHtml(reply, language, deps.citiesPage(language))
  })

  app.get('/*', (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const path = pathOf(request.url)
    if (isApiPath(path)) return reply.callNotFound()
    const name = request.params['*']
    // The listed name for any case or alias: /europe/london and /Europe/Belfast go to /Europe/London.
    const zone = deps.zones.listed(name)
    if (!zone) return sendError(request, reply, 404)
    const language = languageOf(request)
    if (zone !== name) {
      // Only the language survives the redirect: nothing else of the request is echoed.
      const { lang } = request.query as Record<string, unknown>
      const search = lang === language ? `?lang=${language}` : ''
      return reply.header('cache-control', 'no-store').redirect(`/${zone}${search}`, 301)
    }
    return sendHtml(
      reply,
      language,
      deps.render(buildPageModel(deps, zone, `/${zone}`, language), language),
    )
  })
}
