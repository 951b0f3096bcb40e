// The request log: one JSON line per answered request, instead of Fastify's two.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerAddress } from './caller-address.ts'

/**
 * The target as logged: the path and the names in its query string, never their values (a
 * `?token=` stays out of the logs), cut short.
 */
export const loggedUrl = (url: string): string => {
  const query = url.indexOf('?')
  if (query < 0) return url.slice(0, 200)
  const names = url
    .slice(query + 1, query + 1 + 400)
    .split('&')
    .map((pair) => pair.split('=', 1)[0])
  return `${url.slice(0, query)}?${names.join('&')}`.slice(0, 200)
}

/** The line for one answer; the URL is cut short, the address is always an address. */
export const logAnswer = (request: FastifyRequest, status: number, ms: number) =>
  request.log.info(
    {
      method: request.method,
      url: loggedUrl(request.url),
      status,
      ms: Math.round(ms * 100) / 100,
      ip: callerAddress(request),
    },
    'request',
  )

export const addRequestLog = (app: FastifyInstance) => {
  app.addHook('onResponse', (request, reply, done) => {
    logAnswer(request, reply.statusCode, reply.elapsedTime)
    done()
  })
}
