// GET /search?q=: the search without the script. One place meant: 302 to its page; several: a
// list; none: a 404 that helps; an empty, long or repeated q: a 400, in the page's language.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { MAX_QUERY, SEARCH_PATH } from '../page-contract/search.ts'
import type { Place } from '../places/place-index.ts'
import { MATCH, MAX_LIMIT, type Scored } from '../places/search.ts'
import type { SearchPages } from '../render/search-pages.ts'
import { languageOf, redirectKeepingLanguage, sendHtml } from './html-answer.ts'
import type { PlaceData } from './place-data.ts'

/**
 * docs/places.md's owner rule, for a query: a place owns a name it bears whole when it is at
 * least this many times as populous as the next place bearing it.
 */
const OWNER_RATIO = 5

/**
 * The place a query means, if one: the only match; or the place that bears the whole name (its own
 * or another of its names) alone or as its owner ("Moscow", "Kazan", "Kiev", "Питер"), when no
 * larger place begins with it ("ber" is one of Veroia's names, but Berlin is larger: a list).
 */
const placeMeant = (scored: readonly Scored[]): Place | undefined => {
  if (scored.length === 1) return scored[0]?.place
  const whole = scored
    .filter(({ match }) => match <= MATCH.exactAlternate)
    .map(({ place }) => place)
    .sort((a, b) => b.population - a.population)
  const [first, second] = whole
  if (!first || (second && first.population < OWNER_RATIO * second.population)) return undefined
  return scored.every(({ place }) => place.population <= first.population) ? first : undefined
}

// The query as the page shows it: control characters (a NUL) have no business in the field.
const printable = (text: string) => text.replace(/\p{Cc}/gu, ' ').trim()

export const registerSearchPage = (
  app: FastifyInstance,
  { places, pages }: { places: PlaceData; pages: SearchPages },
) => {
  app.get(SEARCH_PATH, (request: FastifyRequest<{ Querystring: { q?: unknown } }>, reply) => {
    const language = languageOf(request)
    const { q } = request.query ?? {}
    const text = typeof q === 'string' ? q.trim() : ''
    if (text === '' || text.length > MAX_QUERY)
      return sendHtml(reply, language, pages.bad(language), 400)
    const scored = places.search().searchScored(text, MAX_LIMIT)
    if (scored.length === 0)
      return sendHtml(reply, language, pages.none(printable(text), language), 404)
    const meant = placeMeant(scored)
    if (meant) return redirectKeepingLanguage(request, reply, meant.path, 302)
    const found = scored.map(({ place }) => place)
    const html = pages.results(printable(text), found, found.length === MAX_LIMIT, language)
    return sendHtml(reply, language, html)
  })
}
