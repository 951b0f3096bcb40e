// worldtimeapi.org's /api/timezone: every zone, the zones of an area, the time in a zone.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { API_ERRORS, API_ROUTES, CORS_HEADERS } from '../http/api-contract.ts'
import { callerAddress } from '../http/caller-address.ts'
import { sendError } from '../http/error-answers.ts'
import { sendJson } from '../http/json-answer.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { type IpApiDeps, registerIpApi } from './api-ip.ts'
import { openApiDocument } from './openapi.ts'
import { type SendTime, sendList, splitName, timeHeaders, zoneList } from './time-answers.ts'

export type ApiDeps = IpApiDeps

export type ZoneApiDeps = { zones: ZoneRegistry; sendTime: SendTime }

export const registerZoneApi = (app: FastifyInstance, { zones, sendTime }: ZoneApiDeps) => {
  // The lists never change while the process runs: each is serialized once, on first use.
  const all = zoneList(zones.names)
  app.get(API_ROUTES.zones, (_request, reply) => sendList(timeHeaders(reply), all, false))
  app.get(API_ROUTES.zonesText, (_request, reply) => sendList(timeHeaders(reply), all, true))
  app.get(
    API_ROUTES.zone,
    // One handler for area, zone and their .txt forms: a zone may be one segment (UTC, CET).
    (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      timeHeaders(reply)
      const { name, text } = splitName(request.params['*'])
      if (name === '') return sendList(reply, all, text)
      const zone = zones.resolve(name)
      if (zone) return sendTime(reply, zone, callerAddress(request), text)
      const area = zones.inArea(name)
      if (area) return sendList(reply, zoneList(area), text)
      return sendError(request, reply, 404, API_ERRORS.unknownLocation)
    },
  )
}

/** worldtimeapi.org's API and this service's OpenAPI document. */
export const registerApiRoutes = (app: FastifyInstance, deps: ApiDeps) => {
  registerZoneApi(app, deps)
  registerIpApi(app, deps)
  const openApiJson = Buffer.from(JSON.stringify(openApiDocument))
  app.get(API_ROUTES.openApi, (_request, reply) =>
    sendJson(reply.headers(CORS_HEADERS), openApiJson),
  )
}
