import { tzdbVersion } from '../time/tzdb.ts'
import { errorSchema, statusSchema, timeObjectSchema, zoneListSchema } from './schemas.ts'

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const text = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
})
const unknownLocation = json(errorSchema, 'Unknown zone or area: `{"error":"unknown location"}`')
const pathParam = (name: string, description: string, example: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
  example,
})
const area = pathParam(
  'area',
  'First part of an IANA name, or a one-part zone such as UTC',
  'Europe',
)
const location = pathParam('location', 'Second part of an IANA name', 'Moscow')
const region = pathParam('region', 'Third part of an IANA name', 'Buenos_Aires')

const timeOperation = (summary: string, parameters: object[], asText: boolean) => ({
  get: {
    summary,
    parameters,
    responses: {
      200: asText
        ? text('The time object, one `key: value` line per field')
        : json(timeObjectSchema, 'The time object'),
      404: asText ? text('`Error: unknown location`') : unknownLocation,
    },
  },
})

/** OpenAPI 3.1 description of the API, built from the schemas the routes serialize with. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'moscow-time',
    version: '1.0.0',
    description: `Current time in any IANA zone, compatible with the worldtimeapi.org time API. Only GET and HEAD are served. Offsets, DST and abbreviations from tzdb ${tzdbVersion}, vendored with the service (not the runtime's own zone data).`,
    'x-tzdb-version': tzdbVersion,
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: {
    '/api/timezone': {
      get: {
        summary: 'Every supported zone',
        responses: { 200: json(zoneListSchema, 'Zone names') },
      },
    },
    '/api/timezone.txt': {
      get: { summary: 'Every supported zone, one a line', responses: { 200: text('Zone names') } },
    },
    '/api/timezone/{area}': {
      get: {
        summary: 'The zones in an area, or the time in a one-part zone such as UTC',
        parameters: [area],
        responses: {
          200: {
            description: 'Zone names in the area, or a time object',
            content: {
              'application/json': { schema: { oneOf: [zoneListSchema, timeObjectSchema] } },
            },
          },
          404: unknownLocation,
        },
      },
    },
    '/api/timezone/{area}.txt': {
      get: {
        summary: 'Text variant of /api/timezone/{area}',
        parameters: [area],
        responses: {
          200: text('Zone names, or the time object'),
          404: text('`Error: unknown location`'),
        },
      },
    },
    '/api/timezone/{area}/{location}': timeOperation('The time in a zone', [area, location], false),
    '/api/timezone/{area}/{location}.txt': timeOperation(
      'The time in a zone, as text',
      [area, location],
      true,
    ),
    '/api/timezone/{area}/{location}/{region}': timeOperation(
      'The time in a three-part zone',
      [area, location, region],
      false,
    ),
    '/api/timezone/{area}/{location}/{region}.txt': timeOperation(
      'The time in a three-part zone, as text',
      [area, location, region],
      true,
    ),
    '/healthz': {
      get: { summary: 'Liveness', responses: { 200: json(statusSchema, 'The process can serve') } },
    },
    '/readyz': {
      get: {
        summary: 'Readiness',
        responses: {
          200: json(statusSchema, 'Ready for traffic'),
          503: json(statusSchema, 'Shutting down'),
        },
      },
    },
  },
}
