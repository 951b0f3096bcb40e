// The time object and zone lists as answers, JSON or text: shared by every dialect that sends them.
import fastJson from 'fast-json-stringify'
import type { FastifyReply } from 'fastify'
import { TIME_HEADERS } from '../http/api-contract.ts'
import { JSON_TYPE, TEXT_TYPE } from '../http/media-types.ts'
import type { TimeInfo } from '../time/time-info.ts'
import { formatTimeText, timeObjectSchema, zoneListSchema } from './schemas.ts'

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

/** A list of zone names in both forms, serialized once: the lists never change while running. */
export type ZoneList = { json: string; text: string }

export const zoneList = (names: readonly string[]): ZoneList => ({
  json: serializeList(names),
  text: `${names.join('\n')}\n`,
})

/** A time answer's headers: CORS and no caching. */
export const timeHeaders = (reply: FastifyReply) => reply.headers(TIME_HEADERS)

export const sendList = (reply: FastifyReply, list: ZoneList, text: boolean) =>
  text ? reply.type(TEXT_TYPE).send(list.text) : reply.type(JSON_TYPE).send(list.json)

export type TimeObject = TimeInfo & { client_ip: string }

export const sendTime = (reply: FastifyReply, time: TimeObject, text: boolean) =>
  text
    ? reply.type(TEXT_TYPE).send(formatTimeText(time))
    : reply.type(JSON_TYPE).send(serializeTime(time))

/** The name in a wildcard path, less `.txt` (the router has already dropped a trailing slash). */
export const splitName = (name: string) =>
  name.endsWith('.txt') ? { name: name.slice(0, -4), text: true } : { name, text: false }
