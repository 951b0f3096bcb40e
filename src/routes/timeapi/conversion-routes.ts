// timeapi.io's conversions: a wall-clock time from one zone to another, into words of a language,
// and a date to its weekday and its day of the year.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { TIMEAPI_ROUTES } from '../../http/api-contract.ts'
import type { ZoneRegistry } from '../../time/zones.ts'
import {
  answering,
  isRejection,
  type Rejection,
  sendJson,
  sendRejection,
  TIMEAPI_ERRORS,
} from './answers.ts'
import { readAmbiguity, readFields } from './body-fields.ts'
import { instantOf, localOf, parseLocalDateTime, zonedAt } from './local-time.ts'
import { conversionResultOf, dayName, formatLocalDateTime } from './time-objects.ts'
import { friendlyTimeOf, isKnownLanguage } from './translate.ts'

export type ConversionRoutesDeps = {
  zones: ZoneRegistry
  /** Route options of the POST routes: the JSON body's limits (src/http/json-body.ts). */
  jsonBody: object
}

const CONVERT = {
  fromTimeZone: true,
  dateTime: true,
  toTimeZone: true,
  dstAmbiguity: false,
} as const
const TRANSLATE = { dateTime: true, languageCode: true } as const

/** ConvertTimeZone's answer, or why there is none. */
export const convertTimeZone = (zones: ZoneRegistry, body: unknown): object | Rejection => {
  const fields = readFields(body, CONVERT)
  if (isRejection(fields)) return fields
  const from = zones.resolve(fields.fromTimeZone.trim())
  const to = zones.resolve(fields.toTimeZone.trim())
  if (!from || !to) return { text: TIMEAPI_ERRORS.zone }
  const wall = parseLocalDateTime(fields.dateTime.trim())
  if (wall === undefined) return { text: TIMEAPI_ERRORS.dateTime }
  const ambiguity = readAmbiguity(fields.dstAmbiguity)
  if (typeof ambiguity !== 'string') return ambiguity
  const result = zonedAt(to, instantOf(from, wall, ambiguity))
  if (!result || result.local.year < 1 || result.local.year > 9999)
    return { text: TIMEAPI_ERRORS.range }
  return {
    // Lower-case z: timeapi.io's own spelling in its answer (the request has fromTimeZone).
    fromTimezone: from,
    fromDateTime: formatLocalDateTime(localOf(wall)),
    toTimeZone: to,
    conversionResult: conversionResultOf(result, to),
  }
}

const translate = (body: unknown): object | Rejection => {
  const fields = readFields(body, TRANSLATE)
  if (isRejection(fields)) return fields
  const wall = parseLocalDateTime(fields.dateTime.trim())
  if (wall === undefined) return { text: TIMEAPI_ERRORS.dateTime }
  const language = fields.languageCode.trim()
  if (!isKnownLanguage(language)) return { text: TIMEAPI_ERRORS.language }
  const wallMs = Number(wall / 1_000_000n)
  return {
    dateTime: fields.dateTime,
    languageCode: fields.languageCode,
    ...friendlyTimeOf(wallMs, language),
  }
}

/** A path's yyyy-MM-dd as a date, or undefined. */
const dateOf = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  try {
    const date = Temporal.PlainDate.from(text, { overflow: 'reject' })
    return date.year === 0 ? undefined : date
  } catch {
    return undefined
  }
}

type DateRequest = FastifyRequest<{ Params: { date: string } }>

export const registerConversionRoutes = (app: FastifyInstance, deps: ConversionRoutesDeps) => {
  app.post(
    TIMEAPI_ROUTES.convert,
    deps.jsonBody,
    answering((body) => convertTimeZone(deps.zones, body)),
  )
  app.post(TIMEAPI_ROUTES.translate, deps.jsonBody, answering(translate))
  app.get(TIMEAPI_ROUTES.dayOfWeek, (request: DateRequest, reply) => {
    const date = dateOf(request.params.date)
    if (!date) return sendRejection(reply, { text: TIMEAPI_ERRORS.date })
    return sendJson(reply, { dayOfWeek: dayName(date.dayOfWeek) })
  })
  app.get(TIMEAPI_ROUTES.dayOfYear, (request: DateRequest, reply) => {
    const date = dateOf(request.params.date)
    if (!date) return sendRejection(reply, { text: TIMEAPI_ERRORS.date })
    return sendJson(reply, { date: date.toString(), day: date.dayOfYear })
  })
}
