// timeapi.io's operations in the OpenAPI document (src/routes/openapi.ts adds them), tagged as its
// dialect, with examples the OpenAPI test calls.
import { TIMEAPI_ROUTES } from '../../http/api-contract.ts'
import { jsonAnswer as json, pathParam, textAnswer as sentence } from '../openapi-parts.ts'
import { timeApiBodies, timeApiSchemas } from './schemas.ts'

const TAG = 'timeapi.io'
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('ProblemDetails') } },
})
const query = (name: string, description: string, example: string, type = 'string') => ({
  name,
  in: 'query',
  required: true,
  description: `${description} (the name in any case)`,
  schema: { type },
  example,
})

const byName = [query('timeZone', 'IANA name or link, any case', 'Europe/Moscow')]
const byIp = [query('ipAddress', 'IPv4 or IPv6 address', '77.88.8.8')]
const byCoordinates = [
  query('latitude', 'degrees, -90 to 90', '55.7558', 'number'),
  query('longitude', 'degrees, -180 to 180; at sea the nautical Etc/GMT±N', '37.6173', 'number'),
]
const REJECTED = 'a value rejected: a sentence, e.g. "Invalid Timezone."'

const BAD_QUERY = {
  description: `${REJECTED}; or a parameter missing or not a number (problem details)`,
  content: {
    'text/plain': { schema: { type: 'string' } },
    'application/problem+json': { schema: ref('ProblemDetails') },
  },
}

const get = (summary: string, parameters: object[], answer: object, bad?: object) => ({
  get: {
    tags: [TAG],
    summary,
    parameters,
    responses: { 200: answer, ...(bad ? { 400: bad } : {}) },
  },
})

const post = (summary: string, body: keyof typeof timeApiBodies, answer: string) => {
  const { properties } = timeApiBodies[body]
  const example = Object.fromEntries(
    Object.entries(properties).map(([name, field]) => [name, field.example]),
  )
  return {
    post: {
      tags: [TAG],
      summary,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref(body), example } },
      },
      responses: {
        200: json(ref(answer), answer),
        400: {
          description: `${REJECTED}; or the body empty, not JSON, or a field missing or not a string (problem details)`,
          content: {
            'text/plain': { schema: { type: 'string' } },
            'application/problem+json': { schema: ref('ProblemDetails') },
          },
        },
        408: problem('the body did not arrive within 5 s'),
        413: problem('a body over 2 KB'),
        415: problem('a body not application/json (UTF-8)'),
      },
    },
  }
}

const date = pathParam('date', 'yyyy-MM-dd', '2021-03-14')
const dateRoute = (route: string) => route.replace(':date', '{date}')
const badDate = sentence('not a date in yyyy-MM-dd: "Invalid date format."')

/** The components timeapi.io's operations refer to. */
export const timeApiComponents = { ...timeApiSchemas, ...timeApiBodies }

const time = (summary: string, parameters: object[]) =>
  get(summary, parameters, json(ref('CurrentTime'), 'The time'), BAD_QUERY)
const zoneData = (summary: string, parameters: object[]) =>
  get(summary, parameters, json(ref('TimeZoneData'), 'The zone'), BAD_QUERY)
const names = json({ type: 'array', items: { type: 'string' } }, 'Names, sorted')
const calculation = (summary: string, custom: boolean) =>
  post(summary, custom ? 'CalculationRequestCustom' : 'CalculationRequestCurrent', 'Calculation')

export const timeApiPaths = {
  [TIMEAPI_ROUTES.currentZone]: time('The time in a zone', byName),
  [TIMEAPI_ROUTES.currentIp]: time('The time at an IP address', byIp),
  [TIMEAPI_ROUTES.currentCoordinate]: time('The time at coordinates', byCoordinates),
  [TIMEAPI_ROUTES.zone]: zoneData('A zone by name', byName),
  [TIMEAPI_ROUTES.zoneIp]: zoneData('The zone at an IP address', byIp),
  [TIMEAPI_ROUTES.zoneCoordinate]: zoneData('The zone at coordinates', byCoordinates),
  [TIMEAPI_ROUTES.zones]: get('Every zone and link name', [], names),
  [TIMEAPI_ROUTES.convert]: post(
    'A wall-clock time in another zone',
    'ConvertRequest',
    'Conversion',
  ),
  [TIMEAPI_ROUTES.translate]: post(
    'A wall-clock time in words',
    'TranslationRequest',
    'Translation',
  ),
  [dateRoute(TIMEAPI_ROUTES.dayOfWeek)]: get(
    'The weekday of a date',
    [date],
    json(ref('DayOfTheWeek'), 'The weekday'),
    badDate,
  ),
  [dateRoute(TIMEAPI_ROUTES.dayOfYear)]: get(
    'The day of the year',
    [date],
    json(ref('DayOfTheYear'), 'The day'),
    badDate,
  ),
  [TIMEAPI_ROUTES.incrementCurrent]: calculation('Now plus a time span', false),
  [TIMEAPI_ROUTES.decrementCurrent]: calculation('Now minus a time span', false),
  [TIMEAPI_ROUTES.incrementCustom]: calculation('A wall-clock time plus a time span', true),
  [TIMEAPI_ROUTES.decrementCustom]: calculation('A wall-clock time minus a time span', true),
  [TIMEAPI_ROUTES.health]: get('Health check', [], sentence('"Healthy"')),
}
