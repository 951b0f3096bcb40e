// Error answers in one shape: JSON under /api/ (text for .txt), a small HTML page elsewhere.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type ErrorStatus, STATUS_TITLES } from '../i18n/status-titles.ts'
import type { RenderErrorPage } from '../render/error-page.ts'
import {
  API_ERRORS,
  CORS_HEADERS,
  isApiPath,
  isTextPath,
  pathOf,
  ZONE_PREFIX,
} from './api-contract.ts'
import { sendJson } from './json-answer.ts'
import { HTML_TYPE, TEXT_TYPE } from './media-types.ts'

// The app's HTML error page, set by setErrorAnswers on the root instance: every route and hook
// sees it, as the page depends on the configuration (TIME_ZONE).
const ERROR_PAGE = Symbol('errorPage')

const sendErrorPage = (request: FastifyRequest, reply: FastifyReply, status: number) => {
  const render = request.server.getDecorator<RenderErrorPage>(ERROR_PAGE)
  const { language, html } = render({
    status,
    // The framework's own errors (a malformed URL) may come before the query is read.
    lang: (request.query as Record<string, unknown> | undefined)?.lang,
    acceptLanguage: request.headers['accept-language'],
  })
  return reply
    .header('vary', 'accept-language')
    .header('content-language', language)
    .type(HTML_TYPE)
    .send(html)
}

/** The answer for `status`, worded by the status alone unless the contract names the message. */
export const sendError = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message = (STATUS_TITLES[String(status) as ErrorStatus] ?? 'Error').toLowerCase(),
) => {
  reply.code(status).header('cache-control', 'no-store')
  const path = pathOf(request.url)
  if (isApiPath(path)) {
    // Cross-origin callers of the API must be able to read its errors too.
    reply.headers(CORS_HEADERS)
    if (isTextPath(path)) return reply.type(TEXT_TYPE).send(`Error: ${message}`)
    return sendJson(reply, JSON.stringify({ error: message }))
  }
  return sendErrorPage(request, reply, status)
}

const clientStatus = (error: { statusCode?: number }) =>
  error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500

/** Unknown paths are 404 (an unknown zone says so), and no error ever shows its stack. */
export const setErrorAnswers = (app: FastifyInstance, errorPage: RenderErrorPage) => {
  app.decorate(ERROR_PAGE, errorPage)
  app.setNotFoundHandler((request, reply) =>
    pathOf(request.url).startsWith(ZONE_PREFIX)
      ? sendError(request, reply, 404, API_ERRORS.unknownLocation)
      : sendError(request, reply, 404),
  )
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = clientStatus(error)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    // The status's own wording: Fastify's messages are not part of our contract.
    return sendError(request, reply, status)
  })
}

/**
 * Fastify's frameworkErrors: what the router meets before any route, e.g. bad percent-encoding.
 * No onResponse hook sees these answers, so `onAnswer` is told of each.
 */
export const answerFrameworkError = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  onAnswer: (status: number) => void,
) => {
  const status = clientStatus(error) >= 500 ? 400 : clientStatus(error)
  onAnswer(status)
  return sendError(request, reply, status)
}
