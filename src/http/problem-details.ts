// RFC 9457 problem details as ASP.NET Core writes them: timeapi.io's answer to a request its
// framework refuses (a missing parameter, a body of the wrong type, size or syntax).
import type { FastifyReply } from 'fastify'
import { TIME_HEADERS } from './api-contract.ts'
import { PROBLEM_TYPE } from './media-types.ts'

// ASP.NET Core's type links and titles (ProblemDetailsClientErrorData), by status.
const KNOWN: Record<number, [section: string, title: string]> = {
  400: ['15.5.1', 'Bad Request'],
  404: ['15.5.5', 'Not Found'],
  405: ['15.5.6', 'Method Not Allowed'],
  408: ['15.5.9', 'Request Timeout'],
  413: ['15.5.14', 'Content Too Large'],
  415: ['15.5.16', 'Unsupported Media Type'],
  500: ['15.6.1', 'An error occurred while processing your request.'],
}

/** Per field (a query parameter, `$.field` in a body, `$` for the whole body), what is wrong. */
export type FieldErrors = Record<string, string[]>

export type Problem = {
  type: string
  title: string
  status: number
  errors?: FieldErrors
}

/** The body for `status`; with `errors`, ASP.NET's ValidationProblemDetails. */
export const problemOf = (status: number, errors?: FieldErrors): Problem => {
  const [section, title] = KNOWN[status] ?? KNOWN[status < 500 ? 400 : 500] ?? ['', '']
  const type = `https://tools.ietf.org/html/rfc9110#section-${section}`
  return errors
    ? { type, title: 'One or more validation errors occurred.', status, errors }
    : { type, title, status }
}

/** Sends the problem, readable cross-origin and never cached, as every API answer. */
export const sendProblem = (reply: FastifyReply, status: number, errors?: FieldErrors) =>
  reply
    .code(status)
    .headers(TIME_HEADERS)
    .type(PROBLEM_TYPE)
    .send(JSON.stringify(problemOf(status, errors)))
