// Each answer, once sent: counted in the metrics and written to the request log, by one hook.
import type { FastifyInstance } from 'fastify'
import type { Metrics } from './metrics.ts'
import { logAnswer } from './request-log.ts'

export const recordAnswers = (app: FastifyInstance, metrics: Metrics) => {
  app.addHook('onResponse', (request, reply, done) => {
    const ms = reply.elapsedTime
    // By route pattern, never the raw URL.
    metrics.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      ms / 1000,
    )
    logAnswer(request, reply.statusCode, ms)
    done()
  })
}
