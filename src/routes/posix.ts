// POSIX TZ strings for devices (docs/devices.md): one zone's, and every zone's in posix_tz_db's
// zones.json and zones.csv layouts.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_ERRORS, CORS_HEADERS } from '../http/api-contract.ts'
import { sendError } from '../http/error-answers.ts'
import { JSON_TYPE, TEXT_TYPE } from '../http/media-types.ts'
import { posixTzOf, tzdbNames, tzdbVersion } from '../time/tzdb.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { jsonAnswer, pathParam, textAnswer } from './openapi-parts.ts'
import { errorSchema } from './schemas.ts'

export const POSIX_ROUTES = {
  json: '/api/posix',
  csv: '/api/posix.csv',
  zone: '/api/posix/*',
} as const

const CSV_TYPE = 'text/csv; charset=utf-8'
// The answers change only with the tzdb release: a day in any cache, then a cheap 304.
const POSIX_CACHE = 'public, max-age=86400'

/** An answer that never changes while the process runs, with its entity tag. */
// Bodies as bytes: a JSON type sent as a string would gain `; charset=utf-8` (json-answer.ts).
export type FixedAnswer = { body: Buffer; type: string; etag: string }

const fixedAnswer = (body: string, type: string): FixedAnswer => {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16)
  return { body: Buffer.from(body), type, etag: `"${tzdbVersion}-${hash}"` }
}

/** Every listed zone and link with its POSIX TZ string, sorted as posix_tz_db sorts its keys. */
export const posixEntries = (zones: ZoneRegistry): Array<[string, string]> =>
  [...new Set([...zones.names, ...Object.keys(tzdbNames.links)])]
    .filter((name) => zones.resolve(name) === name)
    .sort()
    .flatMap((name) => {
      const posix = posixTzOf(name)
      return posix === undefined ? [] : [[name, posix] as [string, string]]
    })

/** posix_tz_db's zones.json: `{`, one `"name":"posix"` a line, `}` and no newline after it. */
export const formatPosixJson = (entries: ReadonlyArray<[string, string]>): string =>
  `{\n${entries.map(([name, posix]) => `${JSON.stringify(name)}:${JSON.stringify(posix)}`).join(',\n')}\n}`

/** posix_tz_db's zones.csv: one `"name","posix"` a line, each ending in a newline. */
export const formatPosixCsv = (entries: ReadonlyArray<[string, string]>): string =>
  entries.map(([name, posix]) => `"${name}","${posix}"\n`).join('')

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 13.1.2). */
export const matchesEtag = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

const sendFixed = (request: FastifyRequest, reply: FastifyReply, answer: FixedAnswer) => {
  reply.headers(CORS_HEADERS).header('cache-control', POSIX_CACHE).header('etag', answer.etag)
  if (matchesEtag(request.headers['if-none-match'], answer.etag)) return reply.code(304).send()
  return reply.type(answer.type).send(answer.body)
}

export const registerPosixRoutes = (app: FastifyInstance, zones: ZoneRegistry) => {
  // Built on first use: a cold start that serves only the page pays for none of it.
  let tables: { json: FixedAnswer; csv: FixedAnswer } | undefined
  const tablesOf = () => {
    if (!tables) {
      const entries = posixEntries(zones)
      tables = {
        json: fixedAnswer(formatPosixJson(entries), JSON_TYPE),
        csv: fixedAnswer(formatPosixCsv(entries), CSV_TYPE),
      }
    }
    return tables
  }
  // At most one entry per zone and link: the names are resolved before they are keys.
  const single = new Map<string, FixedAnswer>()
  app.get(POSIX_ROUTES.json, (request, reply) => sendFixed(request, reply, tablesOf().json))
  app.get(POSIX_ROUTES.csv, (request, reply) => sendFixed(request, reply, tablesOf().csv))
  app.get(POSIX_ROUTES.zone, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const asked = request.params['*']
    if (asked === '') return sendFixed(request, reply, tablesOf().json)
    const zone = zones.resolve(asked)
    const posix = zone === undefined ? undefined : posixTzOf(zone)
    if (zone === undefined || posix === undefined)
      return sendError(request, reply, 404, API_ERRORS.unknownLocation)
    let answer = single.get(zone)
    if (!answer) {
      answer = fixedAnswer(posix, TEXT_TYPE)
      single.set(zone, answer)
    }
    return sendFixed(request, reply, answer)
  })
}

// ---- their OpenAPI description ----

const CACHING =
  "Answers carry an ETag (the tzdb release and a hash of the body) and `Cache-Control: public, max-age=86400`; a request whose If-None-Match names the ETag gets 304 and no body. The strings are TZif footers of the vendored tzdb release, as `zic` writes them (RFC 8536 section 3.3): docs/devices.md lists the ones some embedded C libraries misread. Not part of worldtimeapi.org's API."
const notModified = { description: 'If-None-Match named the current ETag: no body' }
const posixZone = (summary: string, parameters: object[]) => ({
  get: {
    summary,
    description: CACHING,
    parameters,
    responses: {
      200: textAnswer('The POSIX TZ string, no newline after it, e.g. `MSK-3`'),
      304: notModified,
      404: jsonAnswer(errorSchema, `Unknown zone: \`{"error":"${API_ERRORS.unknownLocation}"}\``),
    },
  },
})

/** The routes in the OpenAPI document (src/routes/openapi.ts). */
export const posixOperations = {
  '/api/posix': {
    get: {
      summary: "Every zone's POSIX TZ string, in posix_tz_db's zones.json layout",
      description: `Every listed zone and link, keys sorted, one \`"name":"posix"\` a line, no newline after the closing brace. ${CACHING}`,
      responses: {
        200: {
          description: 'Zone name to POSIX TZ string',
          content: {
            'application/json': {
              schema: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
        304: notModified,
      },
    },
  },
  '/api/posix.csv': {
    get: {
      summary: "Every zone's POSIX TZ string, in posix_tz_db's zones.csv layout",
      description: `One \`"name","posix"\` line per listed zone and link, sorted, each ending in a newline. ${CACHING}`,
      responses: {
        200: {
          description: 'One quoted name and string a line',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        304: notModified,
      },
    },
  },
  '/api/posix/{area}': posixZone('The POSIX TZ string of a one-part zone such as UTC', [
    pathParam('area', 'A one-part zone or link name, any case', 'UTC'),
  ]),
  '/api/posix/{area}/{location}': posixZone("A zone's POSIX TZ string", [
    pathParam('area', 'First part of an IANA name, any case', 'Europe'),
    pathParam('location', 'Second part of an IANA name', 'Moscow'),
  ]),
  '/api/posix/{area}/{location}/{region}': posixZone("A three-part zone's POSIX TZ string", [
    pathParam('area', 'First part of an IANA name, any case', 'America'),
    pathParam('location', 'Second part of an IANA name', 'Argentina'),
    pathParam('region', 'Third part of an IANA name', 'Buenos_Aires'),
  ]),
}
