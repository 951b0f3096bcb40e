// The OpenAPI 3.1 description of the API, built from the schemas the routes serialize with.
import { API_ERRORS } from '../http/api-contract.ts'
import { tzdbVersion } from '../time/tzdb.ts'
import { jsonAnswer as json, pathParam, textAnswer as text } from './openapi-parts.ts'
import { placesOperation } from './places.ts'
import { posixOperations } from './posix.ts'
import { errorSchema, statusSchema, timeObjectSchema, zoneListSchema } from './schemas.ts'
import { timeNowPaths } from './time-now.ts'
import { timeApiComponents, timeApiPaths } from './timeapi/openapi.ts'

const unknownLocation = json(
  errorSchema,
  `Unknown zone or area: \`{"error":"${API_ERRORS.unknownLocation}"}\``,
)
const unknownLocationText = text(`\`Error: ${API_ERRORS.unknownLocation}\``)
const area = pathParam(
  'area',
  'First part of an IANA name, or a one-part zone such as UTC',
  'Europe',
)
const location = pathParam('location', 'Second part of an IANA name', 'Moscow')
const region = pathParam('region', 'Third part of an IANA name', 'Buenos_Aires')
// Three-part names need examples of their own: America/Argentina/Buenos_Aires.
const threeParts = [{ ...area, example: 'America' }, { ...location, example: 'Argentina' }, region]

const address = pathParam(
  'ip',
  'An IPv4 or IPv6 address; `::ffff:a.b.c.d` is the IPv4 address a.b.c.d',
  '77.88.8.8',
)
const IP_DESCRIPTION =
  "The zone comes from the address's estimated location: IP Geolocation by DB-IP (https://db-ip.com, CC BY 4.0), coordinates mapped to zones with timezone-boundary-builder's polygons. Addresses with no location (private, loopback, CGNAT, link-local, documentation, unlisted) get the server's fallback zone, or 404 when it has none."
const malformed = (asText: boolean) =>
  asText
    ? text(`\`Error: ${API_ERRORS.malformedIp}\``)
    : json(errorSchema, `Not an IP address: \`{"error":"${API_ERRORS.malformedIp}"}\``)

const ipOperation = (summary: string, parameters: object[], asText: boolean) => ({
  get: {
    summary,
    description: IP_DESCRIPTION,
    parameters,
    responses: {
      ...timeOperation(summary, parameters, asText).get.responses,
      400: malformed(asText),
    },
  },
})

const timeOperation = (summary: string, parameters: object[], asText: boolean) => ({
  get: {
    summary,
    parameters,
    responses: {
      200: asText
        ? text('The time object, one `key: value` line per field')
        : json(timeObjectSchema, 'The time object'),
      404: asText ? unknownLocationText : unknownLocation,
    },
  },
})

// Each operation of each path tagged with the dialect it belongs to.
const tagged = (tag: string, paths: Record<string, Record<string, object>>) =>
  Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [method, { tags: [tag], ...operation }]),
      ),
    ]),
  )

const worldTimeApiPaths = {
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
        200: json(
          { oneOf: [zoneListSchema, timeObjectSchema] },
          'Zone names in the area, or a time object',
        ),
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
        404: unknownLocationText,
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
    threeParts,
    false,
  ),
  '/api/timezone/{area}/{location}/{region}.txt': timeOperation(
    'The time in a three-part zone, as text',
    threeParts,
    true,
  ),
  '/api/ip': ipOperation("The time at the caller's address", [], false),
  '/api/ip.txt': ipOperation("The time at the caller's address, as text", [], true),
  '/api/ip/{ip}': ipOperation('The time at an address', [address], false),
  '/api/ip/{ip}.txt': ipOperation('The time at an address, as text', [address], true),
}

const servicePaths = {
  '/api/places': placesOperation,
  '/api/openapi.json': {
    get: {
      summary: 'This document',
      responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1 description of the API') },
    },
  },
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
}

const DIALECTS = [
  { name: 'worldtimeapi', description: "worldtimeapi.org's API, at its paths" },
  { name: 'timeapi.io', description: "timeapi.io's API, at its paths in any case" },
  { name: 'time.now', description: "time.now's developer API, answering worldtimeapi's object" },
  { name: 'posix_tz_db', description: "posix_tz_db's tables, and a zone's POSIX TZ string" },
  { name: 'moscow-time', description: "This service's own: places, probes, this document" },
]

/** OpenAPI 3.1 description of the API, built from the schemas the routes serialize with. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'moscow-time',
    version: '1.0.0',
    description: `Current time in any IANA zone, for the clients of three time APIs: worldtimeapi.org's, timeapi.io's and time.now's, each at its own paths (tagged by dialect). GET and HEAD everywhere; POST with a JSON body of at most 2 KB on timeapi.io's POST routes only. Every path answers the same with or without one trailing slash. IP Geolocation by DB-IP (https://db-ip.com). Place data: GeoNames (https://www.geonames.org), CC BY 4.0. Zone boundaries: timezone-boundary-builder (ODbL). Offsets, DST and abbreviations from tzdb ${tzdbVersion}, vendored with the service (not the runtime's own zone data).`,
    'x-tzdb-version': tzdbVersion,
    license: { name: 'MIT', identifier: 'MIT' },
  },
  tags: DIALECTS,
  paths: {
    ...tagged('worldtimeapi', worldTimeApiPaths),
    ...timeApiPaths,
    ...timeNowPaths,
    ...tagged('posix_tz_db', posixOperations),
    ...tagged('moscow-time', servicePaths),
  },
  components: { schemas: timeApiComponents },
}
