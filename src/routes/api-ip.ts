// worldtimeapi.org's /api/ip: the time at the caller's address, or at any address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_ERRORS, API_ROUTES } from '../http/api-contract.ts'
import { callerAddress } from '../http/caller-address.ts'
import { sendError } from '../http/error-answers.ts'
import { createAddressZone } from '../ip/address-zone.ts'
import { parseIp } from '../ip/ip-address.ts'
import { formatIp } from '../ip/ip-format.ts'
import type { IpZones } from '../ip/ip-zones.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { type SendTime, splitName, timeHeaders } from './time-answers.ts'

export type IpApiDeps = {
  zones: ZoneRegistry
  sendTime: SendTime
  /** The IP-to-zone table, loaded on first use. */
  ipZones: () => IpZones
  /** The zone for addresses with no location; null: 404. */
  ipFallbackZone: string | null
}

export const registerIpApi = (
  app: FastifyInstance,
  { zones, sendTime, ipZones, ipFallbackZone }: IpApiDeps,
) => {
  const zoneOf = createAddressZone(zones, ipZones, ipFallbackZone)
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
    return sendTime(reply, zone, formatIp(address), text)
  }
  const caller = (text: boolean) => (request: FastifyRequest, reply: FastifyReply) =>
    timeAt(request, reply, callerAddress(request), text)
  app.get(API_ROUTES.caller, caller(false))
  app.get(API_ROUTES.callerText, caller(true))
  app.get(API_ROUTES.address, (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const { name, text } = splitName(request.params['*'])
    return timeAt(request, reply, name === '' ? callerAddress(request) : name, text)
  })
}
