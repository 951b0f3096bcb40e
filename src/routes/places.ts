// GET /api/places?q=: place search (docs/places.md). Not worldtimeapi's: its own path and shape.
import fastJson from 'fast-json-stringify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CORS_HEADERS } from '../http/api-contract.ts'
import { sendError } from '../http/error-answers.ts'
import { sendJson } from '../http/json-answer.ts'
import { MAX_QUERY } from '../page-contract/search.ts'
import type { Place } from '../places/place-index.ts'
import { DEFAULT_LIMIT, MAX_LIMIT, type PlaceSearch } from '../places/search.ts'
import { jsonAnswer } from './openapi-parts.ts'
import { errorSchema, placeListSchema } from './schemas.ts'

export const PLACES_ROUTE = '/api/places'
/** The longest query taken: the page's and the API's limit are one. */
export { MAX_QUERY }

export const PLACES_ERRORS = {
  missingQuery: 'missing q',
  emptyQuery: 'empty q',
  longQuery: `q longer than ${MAX_QUERY} characters`,
  severalQueries: 'more than one q',
  badLanguage: 'lang must be en or ru',
  badLimit: `limit must be a whole number from 1 to ${MAX_LIMIT}`,
} as const

// The answer never changes while the index does not: caches may keep it for an hour.
const PLACES_HEADERS = { ...CORS_HEADERS, 'cache-control': 'public, max-age=3600' } as const

type Query = Record<string, string | string[] | undefined>
type Item = {
  name: string
  region: string | null
  country: string
  country_name: string
  timezone: string
  latitude: number
  longitude: number
  population: number
  page: string
}

let serialize: ((items: Item[]) => string) | undefined

const itemOf = (place: Place, language: 'en' | 'ru'): Item => ({
  name: language === 'ru' ? place.ru || place.name : place.name,
  region: place.region ? place.region[language] : null,
  country: place.country,
  country_name: place.countryName[language],
  timezone: place.zone,
  latitude: place.latitude,
  longitude: place.longitude,
  population: place.population,
  page: place.path,
})

/** The request's q, lang and limit, or the message of the first that is wrong. */
export const readPlacesQuery = (
  query: Query,
): { q: string; language: 'en' | 'ru'; limit: number } | { error: string } => {
  const { q, lang = 'en', limit = String(DEFAULT_LIMIT) } = query
  if (q === undefined) return { error: PLACES_ERRORS.missingQuery }
  if (typeof q !== 'string') return { error: PLACES_ERRORS.severalQueries }
  const text = q.trim()
  if (text === '') return { error: PLACES_ERRORS.emptyQuery }
  if (text.length > MAX_QUERY) return { error: PLACES_ERRORS.longQuery }
  if (lang !== 'en' && lang !== 'ru') return { error: PLACES_ERRORS.badLanguage }
  if (typeof limit !== 'string' || !/^\d{1,2}$/.test(limit))
    return { error: PLACES_ERRORS.badLimit }
  const count = Number(limit)
  if (count < 1 || count > MAX_LIMIT) return { error: PLACES_ERRORS.badLimit }
  return { q: text, language: lang, limit: count }
}

/** Registers the search; `search` reads the index on the first request that needs it. */
export const registerPlaceRoutes = (app: FastifyInstance, search: () => PlaceSearch) => {
  app.get(PLACES_ROUTE, (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
    const asked = readPlacesQuery(request.query ?? {})
    if ('error' in asked) return sendError(request, reply, 400, asked.error)
    const items = search()
      .search(asked.q, asked.limit)
      .map((place) => itemOf(place, asked.language))
    serialize ??= fastJson(placeListSchema)
    return sendJson(reply.headers(PLACES_HEADERS), serialize(items))
  })
}

// ---- its OpenAPI description ----

const queryParam = (name: string, description: string, schema: object, example: string) => ({
  name,
  in: 'query',
  required: name === 'q',
  description,
  schema,
  example,
})
const PLACES_DESCRIPTION =
  "Every populated place GeoNames lists with at least 1,000 people (and every seat of a division), found by its English, Russian, ASCII or alternate names: any case, with or without diacritics, ё as е, hyphens, spaces and apostrophes alike, St as Saint, a beginning for the whole (Mosc). Best match first: the whole name, then its beginning, then a later word's beginning; own names before alternates; then the larger place. Each place's zone comes from its coordinates, with timezone-boundary-builder's polygons. Place data: GeoNames (https://www.geonames.org), CC BY 4.0. Not part of worldtimeapi.org's API."
/** The route in the OpenAPI document (src/routes/openapi.ts). */
export const placesOperation = {
  get: {
    summary: 'Places by name',
    description: PLACES_DESCRIPTION,
    parameters: [
      queryParam(
        'q',
        'The name, or its beginning: 1 to 100 characters',
        { type: 'string', minLength: 1, maxLength: 100 },
        'Kazan',
      ),
      queryParam(
        'lang',
        'Language of name, region and country_name',
        { type: 'string', enum: ['en', 'ru'], default: 'en' },
        'ru',
      ),
      queryParam(
        'limit',
        'At most this many places',
        { type: 'integer', minimum: 1, maximum: 50, default: 10 },
        '5',
      ),
    ],
    responses: {
      200: jsonAnswer(placeListSchema, 'The places, best match first; [] when none matches'),
      400: jsonAnswer(
        errorSchema,
        'q missing, empty, longer than 100 characters or given twice; lang or limit not as above',
      ),
    },
  },
}
