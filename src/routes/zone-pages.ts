// The clock's HTML pages: `/` for TIME_ZONE, every listed zone's (aliases by 301), the index.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isApiPath, pathOf } from '../http/api-contract.ts'
import { sendError } from '../http/error-answers.ts'
import type { Language } from '../i18n/languages.ts'
import type { RenderNow } from '../render/page-cache.ts'
import { buildPageModel } from '../render/page-model.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { languageOf, redirectKeepingLanguage, sendHtml } from './html-answer.ts'

export type ZonePagesDeps = {
  zones: ZoneRegistry
  /** The zone of `/`. */
  timeZone: string
  renderNow: RenderNow
  citiesPage: (language: Language) => string
}

export const registerZonePages = (app: FastifyInstance, deps: ZonePagesDeps) => {
  const sendPage = (reply: FastifyReply, language: Language, zone: string, path: string) =>
    sendHtml(
      reply,
      language,
      deps.renderNow(path, language, (input) => buildPageModel(input, zone, path, language)),
    )

  app.get('/', (request, reply) => sendPage(reply, languageOf(request), deps.timeZone, '/'))

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
    if (zone !== name) return redirectKeepingLanguage(request, reply, `/${zone}`, 301)
    return sendPage(reply, languageOf(request), zone, `/${zone}`)
  })
}
