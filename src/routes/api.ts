import fastJson from 'fast-json-stringify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../time/clock.ts'
import type { TimeDescriber } from '../time/time-info.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { sendError } from './errors.ts'
import { openApiDocument } from './openapi.ts'
import { formatTimeText, timeObjectSchema, zoneListSchema } from './schemas.ts'

export type ApiDeps = { clock: Clock; zones: ZoneRegistry; describe: TimeDescriber }

const TEXT = 'text/plain; charset=utf-8'
const JSON_TYPE = 'application/json; charset=utf-8'

// Browser clients of time APIs call them cross-origin; nothing here is private or cacheable.
const timeHeaders = (reply: FastifyReply) =>
  reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store')

const serializeTime = fastJson(timeObjectSchema)
const serializeList = fastJson(zoneListSchema)
type ZoneList = { json: string; text: string }
const zoneList = (names: readonly string[]): ZoneList => ({
  json: serializeList(names),
  text: `${names.join('\n')}\n`,
})
// Longer than any IANA name with a .txt suffix; spares the lookup for junk.
const MAX_NAME = 64

export const registerApiRoutes = (app: FastifyInstance, { clock, zones, describe }: ApiDeps) => {
  // The lists never change while the process runs: each is serialized once, on first use.
  const all = zoneList(zones.names)
  const areas = new WeakMap<readonly string[], ZoneList>()
  const areaList = (names: readonly string[]) => {
    let list = areas.get(names)
    if (!list) {
      list = zoneList(names)
      areas.set(names, list)
    }
    return list
  }

  app.get('/api/timezone', (_request, reply) => timeHeaders(reply).type(JSON_TYPE).send(all.json))
  app.get('/api/timezone.txt', (_request, reply) => timeHeaders(reply).type(TEXT).send(all.text))

  app.get(
    '/api/timezone/*',
    // One handler for area, zone and their .txt forms: a zone may be one segment (UTC, CET).
    (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      timeHeaders(reply)
      const raw = request.params['*']
      const text = raw.endsWith('.txt')
      const name = text ? raw.slice(0, -4) : raw
      if (name.length > MAX_NAME) return sendError(request, reply, 404, 'unknown location')
      const zone = zones.resolve(name)
      if (zone) {
        const time = { client_ip: request.ip, ...describe(clock(), zone) }
        return text
          ? reply.type(TEXT).send(formatTimeText(time))
          : reply.type(JSON_TYPE).send(serializeTime(time))
      }
      const area = zones.inArea(name)
      if (area) {
        const list = areaList(area)
        return text ? reply.type(TEXT).send(list.text) : reply.type(JSON_TYPE).send(list.json)
      }
      return sendError(request, reply, 404, 'unknown location')
    },
  )

  const openApiJson = JSON.stringify(openApiDocument)
  app.get('/api/openapi.json', (_request, reply) =>
    reply.header('access-control-allow-origin', '*').type(JSON_TYPE).send(openApiJson),
  )
}
