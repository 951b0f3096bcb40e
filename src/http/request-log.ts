// The request log: one JSON line per answered request, instead of Fastify's two.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerAddress } from './caller-address.ts'

/** The line for one answer; the URL is cut short, the address is always an address. */
export const logAnswer = (request: FastifyRequest, status: number, ms: number) =>
  request.log.info(
    {
      method: request.method,
      url: request.url.slice(0, 200),
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
