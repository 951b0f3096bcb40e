// timeapi.io's answers: compact JSON, and its two error shapes (docs/compat.md): a 400 with a
// sentence as text where the service rejects a value, problem details where the framework would.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TIME_HEADERS } from '../../http/api-contract.ts'
import { ASPNET_JSON_TYPE, TEXT_TYPE } from '../../http/media-types.ts'
import { type FieldErrors, sendProblem } from '../../http/problem-details.ts'

/** The sentences of the 400s: fixed, never echoing what was sent. */
export const TIMEAPI_ERRORS = {
  zone: 'Invalid Timezone.',
  dateTime: 'Invalid DateTime format.',
  date: 'Invalid date format.',
  timeSpan: 'Invalid TimeSpan format.',
  dstAmbiguity: 'Invalid dstAmbiguity: use "", "earlier" or "later".',
  ip: 'Invalid IP address.',
  ipUnknown: 'No time zone is known for this IP address.',
  coordinates: 'Invalid coordinates: latitude from -90 to 90, longitude from -180 to 180.',
  language: 'Invalid language code.',
  range: 'The result is outside the years 1 to 9999.',
} as const

/** What went wrong with a request: a sentence (text 400) or fields (problem details 400). */
export type Rejection = { text: string } | { fields: FieldErrors }

export const sendJson = (reply: FastifyReply, body: unknown) =>
  reply.headers(TIME_HEADERS).type(ASPNET_JSON_TYPE).send(JSON.stringify(body))

export const sendRejection = (reply: FastifyReply, rejection: Rejection) =>
  'text' in rejection
    ? reply.code(400).headers(TIME_HEADERS).type(TEXT_TYPE).send(rejection.text)
    : sendProblem(reply, 400, rejection.fields)

export const isRejection = (value: object): value is Rejection =>
  'text' in value || 'fields' in value

/** A POST route's handler: the answer `make` gives for the body, or its rejection. */
export const answering =
  (make: (body: unknown) => object | Rejection) =>
  (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const answer = make(request.body)
    return isRejection(answer) ? sendRejection(reply, answer) : sendJson(reply, answer)
  }

/** `record[name]`, the name matched in any case as ASP.NET binds names (the exact one first). */
export const valueIn = <T>(record: Readonly<Record<string, T>>, name: string): T | undefined => {
  const exact = record[name]
  if (exact !== undefined) return exact
  const lower = name.toLowerCase()
  const key = Object.keys(record).find((key) => key.toLowerCase() === lower)
  return key === undefined ? undefined : record[key]
}

/** A required field or parameter that is missing, as ASP.NET words it. */
export const required = (name: string): Rejection => ({
  fields: { [name]: [`The ${name} field is required.`] },
})

/** A value the framework could not bind to its type. */
export const notValid = (name: string, type: string): Rejection => ({
  fields: { [name]: [`The value is not a valid ${type}.`] },
})
