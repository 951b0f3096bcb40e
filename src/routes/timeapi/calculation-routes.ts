// timeapi.io's calculations: now or a given wall-clock time in a zone, plus or minus a time span.
// The span is exact time (an hour across a clock change is an hour), as NodaTime adds a Duration.
import type { FastifyInstance } from 'fastify'
import { TIMEAPI_ROUTES } from '../../http/api-contract.ts'
import type { Clock } from '../../time/clock.ts'
import type { ZoneRegistry } from '../../time/zones.ts'
import { answering, isRejection, type Rejection, TIMEAPI_ERRORS } from './answers.ts'
import { readAmbiguity, readFields } from './body-fields.ts'
import { instantOf, LOCAL_RANGE, localOf, parseLocalDateTime, zonedAt } from './local-time.ts'
import { calculationResultOf, formatLocalDateTime } from './time-objects.ts'
import { parseTimeSpan } from './time-span.ts'

export type CalculationRoutesDeps = {
  clock: Clock
  zones: ZoneRegistry
  /** Route options of the POST routes: the JSON body's limits (src/http/json-body.ts). */
  jsonBody: object
}

const CURRENT = { timeZone: true, timeSpan: true } as const
const CUSTOM = { timeZone: true, dateTime: true, timeSpan: true, dstAmbiguity: false } as const
// A day's margin either side of years 1-9999 in any zone; the result's year is checked after.
const DAY_NS = 86_400_000_000_000n
const MIN_NS = LOCAL_RANGE.min - DAY_NS
const MAX_NS = LOCAL_RANGE.max + DAY_NS

type Start = { instant: bigint; original: string }

// Where the calculation starts: now, or the body's wall-clock time read in the zone.
const startOf = (
  custom: boolean,
  clock: Clock,
  zone: string,
  body: Record<string, string | undefined>,
): Start | Rejection => {
  if (!custom) {
    const instant = clock().epochNanoseconds
    const now = zonedAt(zone, instant)
    return now
      ? { instant, original: formatLocalDateTime(now.local) }
      : { text: TIMEAPI_ERRORS.zone }
  }
  const wall = parseLocalDateTime((body.dateTime ?? '').trim())
  if (wall === undefined) return { text: TIMEAPI_ERRORS.dateTime }
  const ambiguity = readAmbiguity(body.dstAmbiguity)
  if (typeof ambiguity !== 'string') return ambiguity
  return { instant: instantOf(zone, wall, ambiguity), original: formatLocalDateTime(localOf(wall)) }
}

/** A calculation's answer, or why there is none. */
const calculate = (
  deps: Pick<CalculationRoutesDeps, 'clock' | 'zones'>,
  body: unknown,
  custom: boolean,
  sign: 1n | -1n,
): object | Rejection => {
  const fields = readFields(body, custom ? CUSTOM : CURRENT)
  if (isRejection(fields)) return fields
  const zone = deps.zones.resolve(fields.timeZone.trim())
  if (!zone) return { text: TIMEAPI_ERRORS.zone }
  const span = parseTimeSpan(fields.timeSpan)
  if (span === undefined) return { text: TIMEAPI_ERRORS.timeSpan }
  const start = startOf(custom, deps.clock, zone, fields)
  if (isRejection(start)) return start
  const end = start.instant + sign * span
  const result = end < MIN_NS || end > MAX_NS ? undefined : zonedAt(zone, end)
  if (!result || result.local.year < 1 || result.local.year > 9999)
    return { text: TIMEAPI_ERRORS.range }
  return {
    timeZone: zone,
    originalDateTime: start.original,
    usedTimeSpan: fields.timeSpan,
    calculationResult: calculationResultOf(result),
  }
}

export const registerCalculationRoutes = (app: FastifyInstance, deps: CalculationRoutesDeps) => {
  const route = (path: string, custom: boolean, sign: 1n | -1n) =>
    app.post(
      path,
      deps.jsonBody,
      answering((body) => calculate(deps, body, custom, sign)),
    )
  route(TIMEAPI_ROUTES.incrementCurrent, false, 1n)
  route(TIMEAPI_ROUTES.decrementCurrent, false, -1n)
  route(TIMEAPI_ROUTES.incrementCustom, true, 1n)
  route(TIMEAPI_ROUTES.decrementCustom, true, -1n)
}
