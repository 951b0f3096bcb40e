// Liveness and readiness probes.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { TIME_HEADERS } from '../http/api-contract.ts'
import { JSON_TYPE } from '../http/media-types.ts'
import { prepareHeaders, sendPrepared } from '../http/prepared-answer.ts'
import { API_HEADERS } from '../http/security-headers.ts'
import type { Lifecycle } from '../lifecycle.ts'
import { tzdbVersion } from '../time/tzdb.ts'

// Three fixed answers (statusSchema in schemas.ts documents them), serialized once, not per probe.
const status = (text: string) => JSON.stringify({ status: text })
// Liveness also says which tzdb release the answers come from.
const OK = JSON.stringify({ status: 'ok', tzdb: tzdbVersion })
const READY = status('ready')
const CLOSING = status('shutting down')

// Asked every few seconds by every kubelet and balancer: written with headers made once.
const HEADERS = prepareHeaders(API_HEADERS, TIME_HEADERS, { 'content-type': JSON_TYPE })
const send = (reply: FastifyReply, body: string, status = 200) =>
  sendPrepared(reply, status, HEADERS, body)

// Probes are not logged: a kubelet asks every few seconds, and the lines would say nothing the
// metrics (http_requests_total by route and status) and the shutdown lines do not. Warnings and
// errors on these routes still are.
const QUIET = { logLevel: 'warn' } as const

export const registerHealthRoutes = (app: FastifyInstance, lifecycle: Lifecycle) => {
  app.get('/healthz', QUIET, (_request, reply) => send(reply, OK))
  app.get('/readyz', QUIET, (_request, reply) =>
    lifecycle.ready ? send(reply, READY) : send(reply, CLOSING, 503),
  )
}
