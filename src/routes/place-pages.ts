// Every place's clock page (/city/..., docs/places.md's paths), the list of a shared name's places,
// and each country's page (/country/RU, /country/US/2).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { pathOf } from '../http/api-contract.ts'
import { sendError } from '../http/error-answers.ts'
import type { RenderCountryPage } from '../render/country-page.ts'
import { COUNTRY_PAGE_SIZE, countryPages } from '../render/country-page.ts'
import type { RenderNow } from '../render/page-cache.ts'
import { buildPageModel } from '../render/page-model.ts'
import { COUNTRY_PREFIX, countryPath, pagePlaceOf } from '../render/place-view.ts'
import type { SearchPages } from '../render/search-pages.ts'
import { languageOf, redirectKeepingLanguage, sendHtml } from './html-answer.ts'
import type { PlaceData } from './place-data.ts'

export type PlacePagesDeps = {
  places: PlaceData
  renderNow: RenderNow
  searchPages: SearchPages
  countryPage: RenderCountryPage
}

// The longest path of a place is under 100 characters; a longer one names none.
const MAX_PATH = 300

export const registerPlacePages = (app: FastifyInstance, deps: PlacePagesDeps) => {
  app.get('/city/*', (request, reply) => {
    const path = pathOf(request.url)
    const answer = path.length > MAX_PATH ? undefined : deps.places.paths().resolve(path)
    if (!answer) return sendError(request, reply, 404)
    const canonical = answer.kind === 'place' ? answer.place.path : answer.path
    if (!answer.canonical) return redirectKeepingLanguage(request, reply, canonical, 301)
    const language = languageOf(request)
    if (answer.kind === 'namesakes')
      return sendHtml(
        reply,
        language,
        deps.searchPages.namesakes(canonical, answer.places, language),
      )
    const { place } = answer
    const html = deps.renderNow(canonical, language, (input) =>
      buildPageModel(input, place.zone, canonical, language, pagePlaceOf(place, language)),
    )
    return sendHtml(reply, language, html)
  })

  const sendCountry = (request: FastifyRequest, reply: FastifyReply, code: string, page = '1') => {
    const upper = code.toUpperCase()
    const names = /^[A-Z]{2}$/.test(upper) ? deps.places.index().country(upper) : undefined
    if (!names || !/^[1-9]\d{0,3}$/.test(page)) return sendError(request, reply, 404)
    const paths = deps.places.paths()
    const total = paths.countrySize(upper)
    const number = Number(page)
    if (total === 0 || number > countryPages(total)) return sendError(request, reply, 404)
    const canonical = countryPath(upper, number)
    if (pathOf(request.url) !== canonical)
      return redirectKeepingLanguage(request, reply, canonical, 301)
    const language = languageOf(request)
    // Only the page's own places are decoded, not the country's.
    const shown = paths.inCountry(upper, (number - 1) * COUNTRY_PAGE_SIZE, COUNTRY_PAGE_SIZE)
    const input = { code: upper, names, places: shown, total, page: number }
    return sendHtml(reply, language, deps.countryPage(input, language))
  }
  type Params = { code: string; page?: string }
  app.get(`${COUNTRY_PREFIX}:code`, (request: FastifyRequest<{ Params: Params }>, reply) =>
    sendCountry(request, reply, request.params.code),
  )
  app.get(`${COUNTRY_PREFIX}:code/:page`, (request: FastifyRequest<{ Params: Params }>, reply) =>
    sendCountry(request, reply, request.params.code, request.params.page),
  )
}
