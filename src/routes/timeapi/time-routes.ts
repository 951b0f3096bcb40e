// timeapi.io's GET routes: the time and the zone's data by name, IP address or coordinates, the
// zone list, and the health check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { TIME_HEADERS, TIMEAPI_ROUTES } from '../../http/api-contract.ts'
import { ASPNET_JSON_TYPE, TEXT_TYPE } from '../../http/media-types.ts'
import type { Clock } from '../../time/clock.ts'
import { tzdbNames } from '../../time/tzdb.ts'
import type { ZoneRegistry } from '../../time/zones.ts'
import { sendJson, sendRejection, TIMEAPI_ERRORS } from './answers.ts'
import { type ZonedTime, zonedAt } from './local-time.ts'
import { currentTimeOf } from './time-objects.ts'
import { zoneDataOf } from './zone-data.ts'
import { createZoneSources, type Located, type Query, type ZoneSourceDeps } from './zone-sources.ts'

export type TimeRoutesDeps = ZoneSourceDeps & { clock: Clock }

/**
 * Every name the zone parameters take, links included, as NodaTime's list (which timeapi.io
 * answers from) has them; sorted.
 */
const availableZones = (zones: ZoneRegistry): string[] =>
  [...tzdbNames.zones, ...Object.keys(tzdbNames.links)]
    .filter((name) => zones.resolve(name) === name)
    .sort()

type Describe = (time: ZonedTime, zone: string) => unknown
type Locate = (query: Query | undefined) => Located

export const registerTimeRoutes = (app: FastifyInstance, deps: TimeRoutesDeps) => {
  const sources = createZoneSources(deps)
  const answer =
    (locate: Locate, describe: Describe) =>
    (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
      const located = locate(request.query)
      if (!('zone' in located)) return sendRejection(reply, located)
      const time = zonedAt(located.zone, deps.clock().epochNanoseconds)
      if (!time) return sendRejection(reply, { text: TIMEAPI_ERRORS.zone })
      return sendJson(reply, describe(time, located.zone))
    }
  app.get(TIMEAPI_ROUTES.currentZone, answer(sources.byName, currentTimeOf))
  app.get(TIMEAPI_ROUTES.currentIp, answer(sources.byIp, currentTimeOf))
  app.get(TIMEAPI_ROUTES.currentCoordinate, answer(sources.byCoordinates, currentTimeOf))
  app.get(TIMEAPI_ROUTES.zone, answer(sources.byName, zoneDataOf))
  app.get(TIMEAPI_ROUTES.zoneIp, answer(sources.byIp, zoneDataOf))
  app.get(TIMEAPI_ROUTES.zoneCoordinate, answer(sources.byCoordinates, zoneDataOf))

  let available: string | undefined
  app.get(TIMEAPI_ROUTES.zones, (_request, reply) => {
    available ??= JSON.stringify(availableZones(deps.zones))
    return reply.headers(TIME_HEADERS).type(ASPNET_JSON_TYPE).send(available)
  })
  // ASP.NET's health checks answer a word, as text.
  app.get(TIMEAPI_ROUTES.health, (_request, reply) =>
    reply.headers(TIME_HEADERS).type(TEXT_TYPE).send('Healthy'),
  )
}
