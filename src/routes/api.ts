// The worldtimeapi.org-compatible API: zone lists, the time in a zone or at an address.
import fastJson from 'fast-json-stringify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_ERRORS, API_ROUTES, CORS_HEADERS, TIME_HEADERS } from '../http/api-contract.ts'
import { callerAddress } from '../http/caller-address.ts'
import { sendError } from '../http/error-answers.ts'
import { JSON_TYPE, TEXT_TYPE } from '../http/media-types.ts'
import { type IpAddress, parseIp } from '../ip/ip-address.ts'
import type { IpZones } from '../ip/ip-zones.ts'
import type { Clock } from '../time/clock.ts'
import type { TimeDescriber } from '../time/time-info.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { openApiDocument } from './openapi.ts'
import { formatTimeText, timeObjectSchema, zoneListSchema } from './schemas.ts'

export type ApiDeps = {
  clock: Clock
  zones: ZoneRegistry
  describe: TimeDescriber
  /** The IP-to-zone table, loaded on first use. */
  ipZones: () => IpZones
  /** The zone for addresses with no location; null: 404. */
  ipFallbackZone: string | null
}

const timeHeaders = (reply: FastifyReply) => reply.headers(TIME_HEADERS)

// Compiled by their first use, not at start-up: a cold start that serves the page pays for neither.
const compiled = <T>(compile: () => (value: T) => string) => {
  let serialize: ((value: T) => string) | undefined
  return (value: T) => {
    serialize ??= compile()
    return serialize(value)
  }
}
const serializeTime = compiled(() => fastJson(timeObjectSchema))
const serializeList = compiled<readonly string[]>(() => fastJson(zoneListSchema))
type ZoneList = { json: string; text: string }
const zoneList = (names: readonly string[]): ZoneList => ({
  json: serializeList(names),
  text: `${names.join('\n')}\n`,
})
/** The name in a wildcard path, less `.txt` (the router has already dropped a trailing slash). */
const splitName = (name: string) =>
  name.endsWith('.txt') ? { name: name.slice(0, -4), text: true } : { name, text: false }

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`

/** The address as client_ip shows it: IPv4-mapped IPv6 as the IPv4 address it carries. */
const showAddress = (address: IpAddress, text: string) =>
  address.version === 4 ? dotted(address.words[0] ?? 0) : text

export const registerApiRoutes = (
  app: FastifyInstance,
  { clock, zones, describe, ipZones, ipFallbackZone }: ApiDeps,
) => {
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
  const sendList = (reply: FastifyReply, list: ZoneList, text: boolean) =>
    text ? reply.type(TEXT_TYPE).send(list.text) : reply.type(JSON_TYPE).send(list.json)
  const sendTime = (reply: FastifyReply, zone: string, clientIp: string, text: boolean) => {
    const time = { client_ip: clientIp, ...describe(clock(), zone) }
    return text
      ? reply.type(TEXT_TYPE).send(formatTimeText(time))
      : reply.type(JSON_TYPE).send(serializeTime(time))
  }

  const listAll = (text: boolean) => (_request: FastifyRequest, reply: FastifyReply) =>
    sendList(timeHeaders(reply), all, text)
  app.get(API_ROUTES.zones, listAll(false))
  app.get(API_ROUTES.zonesText, listAll(true))

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
      if (area) return sendList(reply, areaList(area), text)
      return sendError(request, reply, 404, API_ERRORS.unknownLocation)
    },
  )

  // The zone of an address; the fallback for one with no location (private, unlisted, ...).
  let table: IpZones | undefined
  const zoneOf = (address: IpAddress) => {
    table ??= ipZones()
    const found = table.lookupParsed(address)
    return (found && zones.resolve(found)) ?? ipFallbackZone
  }
  const timeAt = (
    request: FastifyRequest,
    reply: FastifyReply,
    addressText: string,
    text: boolean,
  ) => {
    timeHeaders(reply)
    const address = parseIp(addressText)
    if (!address) return sendError(request, reply, 400, API_ERRORS.malformedIp)
    const zone = zoneOf(address)
    if (!zone) return sendError(request, reply, 404, API_ERRORS.unknownLocation)
    return sendTime(reply, zone, showAddress(address, addressText), text)
  }
  const caller = (text: boolean) => (request: FastifyRequest, reply: FastifyReply) =>
    timeAt(request, reply, callerAddress(request), text)
  app.get(API_ROUTES.caller, caller(false))
  app.get(API_ROUTES.callerText, caller(true))
  app.get(API_ROUTES.address, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const { name, text } = splitName(request.params['*'])
    return timeAt(request, reply, name === '' ? callerAddress(request) : name, text)
  })

  const openApiJson = JSON.stringify(openApiDocument)
  app.get(API_ROUTES.openApi, (_request, reply) =>
    reply.headers(CORS_HEADERS).type(JSON_TYPE).send(openApiJson),
  )
}
