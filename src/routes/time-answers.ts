// The time object and zone lists as answers, JSON or text: shared by every dialect that sends them.
import fastJson from 'fast-json-stringify'
import type { FastifyReply } from 'fastify'
import { TIME_HEADERS } from '../http/api-contract.ts'
import { sendJson } from '../http/json-answer.ts'
import { JSON_TYPE, TEXT_TYPE } from '../http/media-types.ts'
import { prepareHeaders, sendPrepared } from '../http/prepared-answer.ts'
import { API_HEADERS } from '../http/security-headers.ts'
import type { Clock } from '../time/clock.ts'
import type { TimeDescriber } from '../time/time-info.ts'
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
export type ZoneList = { json: Buffer; text: string }

// By the array: the registry hands out one array per area, and one of every name.
const lists = new WeakMap<readonly string[], ZoneList>()
export const zoneList = (names: readonly string[]): ZoneList => {
  let list = lists.get(names)
  if (!list) {
    list = { json: Buffer.from(serializeList(names)), text: `${names.join('\n')}\n` }
    lists.set(names, list)
  }
  return list
}

/** A time answer's headers: no caching (the API's security headers come with the answer's kind). */
export const timeHeaders = (reply: FastifyReply) => reply.headers(TIME_HEADERS)

export const sendList = (reply: FastifyReply, list: ZoneList, text: boolean) =>
  text ? reply.type(TEXT_TYPE).send(list.text) : sendJson(reply, list.json)

const JSON_TIME = prepareHeaders(API_HEADERS, TIME_HEADERS, { 'content-type': JSON_TYPE })
const TEXT_TIME = prepareHeaders(API_HEADERS, TIME_HEADERS, { 'content-type': TEXT_TYPE })

// A zone's answer within one second, in pieces around what changes within it: the caller's
// address, and the microseconds (twice: local and UTC).
type Pieces = readonly [string, string, string, string]
type Second = { second: number; json: Pieces; text: Pieces }

// Printable, so the serializer leaves it as it is; no field of the object can hold it.
const ADDRESS = '@@client-ip@@'
const ZERO_MICROS = '.000000'

const piecesOf = (answer: string): Pieces => {
  const [head = '', rest = ''] = answer.split(ADDRESS)
  const [a = '', b = '', c = ''] = rest.split(ZERO_MICROS)
  return [head, `${a}.`, `${b}.`, c]
}

/**
 * The time object as an answer, made from what holds for the whole second (the period, the date,
 * the clock's digits) and filled in per request: the time to the microsecond, and the caller.
 */
export const createTimeAnswers = (clock: Clock, describe: TimeDescriber) => {
  const seconds = new Map<string, Second>()
  const secondOf = (zone: string, second: number): Second => {
    let found = seconds.get(zone)
    if (found?.second !== second) {
      const at = Temporal.Instant.fromEpochMilliseconds(second * 1000)
      const time = { client_ip: ADDRESS, ...describe(at, zone) }
      found = {
        second,
        json: piecesOf(serializeTime(time)),
        text: piecesOf(formatTimeText(time)),
      }
      seconds.set(zone, found)
    }
    return found
  }
  /** Sends the time in `zone` now, for the caller at `clientIp` (canonical: nothing to escape). */
  return (reply: FastifyReply, zone: string, clientIp: string, text: boolean) => {
    const ns = clock().epochNanoseconds
    // Floored, as the time object's fields are: before 1970 too.
    let whole = ns / 1_000_000_000n
    if (ns < whole * 1_000_000_000n) whole -= 1n
    const second = Number(whole)
    const micros = String(Number((ns - whole * 1_000_000_000n) / 1000n) + 1_000_000).slice(1)
    const pieces = text ? secondOf(zone, second).text : secondOf(zone, second).json
    const body = pieces[0] + clientIp + pieces[1] + micros + pieces[2] + micros + pieces[3]
    return sendPrepared(reply, 200, text ? TEXT_TIME : JSON_TIME, body)
  }
}

export type SendTime = ReturnType<typeof createTimeAnswers>

/** The name in a wildcard path, less `.txt` (the router has already dropped a trailing slash). */
export const splitName = (name: string) =>
  name.endsWith('.txt') ? { name: name.slice(0, -4), text: true } : { name, text: false }
