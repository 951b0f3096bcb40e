// time.now's developer API: worldtimeapi's time object and zone lists at time.now's paths, so its
// clients (CircuitPython guides, browsers syncing a clock) need only a new host name.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_ERRORS, TIME_NOW_ROUTES } from '../http/api-contract.ts'
import { callerAddress } from '../http/caller-address.ts'
import { sendError } from '../http/error-answers.ts'
import { createAddressZone } from '../ip/address-zone.ts'
import { parseIp } from '../ip/ip-address.ts'
import type { IpZones } from '../ip/ip-zones.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { jsonAnswer, pathParam as part } from './openapi-parts.ts'
import { errorSchema, timeObjectSchema, zoneListSchema } from './schemas.ts'
import { type SendTime, sendList, timeHeaders, zoneList } from './time-answers.ts'

export type TimeNowDeps = {
  zones: ZoneRegistry
  sendTime: SendTime
  /** The IP-to-zone table, loaded on first use. */
  ipZones: () => IpZones
  /** The zone for addresses with no location; null: 404. */
  ipFallbackZone: string | null
}

export const registerTimeNowRoutes = (app: FastifyInstance, deps: TimeNowDeps) => {
  const { zones, sendTime, ipFallbackZone } = deps
  const all = zoneList(zones.names)
  const zoneOf = createAddressZone(zones, deps.ipZones, ipFallbackZone)
  const sendZone = (
    request: FastifyRequest,
    reply: FastifyReply,
    zone: string | null | undefined,
  ) =>
    zone
      ? sendTime(reply, zone, callerAddress(request), false)
      : sendError(request, reply, 404, API_ERRORS.unknownLocation)

  app.get(TIME_NOW_ROUTES.zones, (_request, reply) => sendList(timeHeaders(reply), all, false))
  // A zone of any number of parts (UTC, Europe/London, America/Argentina/Salta), or an area.
  app.get(TIME_NOW_ROUTES.zone, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    timeHeaders(reply)
    const name = request.params['*']
    if (name === '') return sendList(reply, all, false)
    const zone = zones.resolve(name)
    const area = zone ? undefined : zones.inArea(name)
    if (!area) return sendZone(request, reply, zone)
    return sendList(reply, zoneList(area), false)
  })
  // The caller's own address, as worldtimeapi's /api/ip.
  app.get(TIME_NOW_ROUTES.caller, (request, reply) => {
    timeHeaders(reply)
    const address = parseIp(callerAddress(request))
    return sendZone(request, reply, address ? zoneOf(address) : ipFallbackZone)
  })
}

// ---- its OpenAPI description (src/routes/openapi.ts adds it) ----

const TAG = 'time.now'
const notFound = jsonAnswer(
  errorSchema,
  `Unknown zone or area: \`{"error":"${API_ERRORS.unknownLocation}"}\``,
)
const timeOperation = (summary: string, parameters: object[]) => ({
  get: {
    tags: [TAG],
    summary,
    parameters,
    responses: { 200: jsonAnswer(timeObjectSchema, "worldtimeapi's time object"), 404: notFound },
  },
})

/** time.now's paths, as worldtimeapi's answers at /api/... */
export const timeNowPaths = {
  [TIME_NOW_ROUTES.zones]: {
    get: {
      tags: [TAG],
      summary: 'Every zone',
      responses: { 200: jsonAnswer(zoneListSchema, 'Zone names') },
    },
  },
  [`${TIME_NOW_ROUTES.zones}/{zone}`]: {
    get: {
      tags: [TAG],
      summary: 'The time in a one-part zone such as UTC, or the zones of an area',
      parameters: [part('zone', 'A one-part zone, or an area', 'UTC')],
      responses: {
        200: jsonAnswer({ oneOf: [timeObjectSchema, zoneListSchema] }, 'A time object or names'),
        404: notFound,
      },
    },
  },
  [`${TIME_NOW_ROUTES.zones}/{area}/{location}`]: timeOperation('The time in a zone', [
    part('area', 'First part of an IANA name', 'Europe'),
    part('location', 'Second part', 'London'),
  ]),
  [`${TIME_NOW_ROUTES.zones}/{area}/{location}/{region}`]: timeOperation(
    'The time in a three-part zone',
    [
      part('area', 'First part of an IANA name', 'America'),
      part('location', 'Second part', 'Argentina'),
      part('region', 'Third part', 'Salta'),
    ],
  ),
  [TIME_NOW_ROUTES.caller]: timeOperation("The time at the caller's address", []),
}
