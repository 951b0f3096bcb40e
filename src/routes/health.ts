import type { FastifyInstance } from 'fastify'
import { statusSchema } from './schemas.ts'

/** Shared with the process wiring: readiness turns false the moment shutdown begins. */
export type Lifecycle = { ready: boolean }

export const registerHealthRoutes = (app: FastifyInstance, lifecycle: Lifecycle) => {
  const schema = { response: { 200: statusSchema, 503: statusSchema } }
  app.get('/healthz', { schema }, (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )
  app.get('/readyz', { schema }, (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return lifecycle.ready
      ? reply.send({ status: 'ready' })
      : reply.code(503).send({ status: 'shutting down' })
  })
}
