// The connection policy: a cap on open connections that reclaims idle and stalled ones, requests
// per connection, Connection: close from shutdown on, and a drain that always ends.
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ServerLimits } from '../server-limits.ts'
import { answerAndClose } from './client-errors.ts'
import { type ConnectionTracker, createConnectionTracker } from './connection-tracker.ts'

export type ConnectionPolicy = Pick<
  ServerLimits,
  | 'maxConnections'
  | 'maxRequestsPerSocket'
  | 'connectionsCheckingInterval'
  | 'drainGraceMs'
  | 'headersTimeout'
  | 'lingerMs'
> & {
  /** Whether the service still takes traffic: once not, every answer ends its connection. */
  ready: () => boolean
}

/**
 * Caps open connections the way nginx frees keep-alive connections when it runs out: idle ones
 * (no request in flight) go first, oldest first, then stalled ones (answers left unread), so
 * neither idle nor non-reading clients can lock others out. Only when every connection is busy
 * and reading is the new one closed.
 */
export const capConnections = (
  server: Server,
  tracker: ConnectionTracker,
  max: number,
  onRefused: () => void,
) => {
  // The cap is ours: Node's own would refuse the new connection however idle the others are.
  server.maxConnections = Number.POSITIVE_INFINITY
  // Before the tracker's own listener, so the newcomer is not counted yet.
  server.prependListener('connection', (socket: Socket) => {
    if (tracker.open < max || tracker.reclaim()) return
    socket.destroy()
    onRefused()
  })
}

/** The tracker the server's requests pass (createNodeServer's `admit`) before Fastify's. */
export const createConnections = (limits: ServerLimits) =>
  createConnectionTracker({
    stallMs: limits.stallMs,
    stuckMs: limits.connectionTimeout,
    maxPipelined: limits.maxPipelined,
    sweepEveryMs: limits.connectionsCheckingInterval,
  })

export const applyConnectionPolicy = (
  app: FastifyInstance,
  tracker: ConnectionTracker,
  policy: ConnectionPolicy,
) => {
  const { server } = app
  tracker.attach(server)
  capConnections(server, tracker, policy.maxConnections, logRefusals(app, policy.maxConnections))

  // Node would answer "100 Continue" by itself, for any route: the request gate decides instead,
  // inviting a body only where a route reads one (timeapi.io's POST routes).
  server.on('checkContinue', (request, response) => server.emit('request', request, response))

  // Set from the first close step, so answers sent while draining end their connection.
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    drainConnections(server, tracker, policy, (answered) => {
      if (answered > 0) app.log.info({ answered }, 'shutdown: begun requests answered 408')
    })
    done()
  })
  // From shutdown on, and at maxRequestsPerSocket answers, an answer ends its connection, so
  // keep-alive clients move to other replicas. (Node's own maxRequestsPerSocket answers pipelined
  // requests past it with a bare 503 without our security headers.) Decided as the request
  // arrives, by the request gate's hook.
  const answered = new WeakMap<Socket, number>()
  return (request: FastifyRequest): boolean => {
    const socket = request.raw.socket as Socket | null
    const count = socket ? (answered.get(socket) ?? 0) + 1 : 1
    if (socket) answered.set(socket, count)
    return closing || !policy.ready() || count >= policy.maxRequestsPerSocket
  }
}

// One line per 10 s at most: a flood must not become a flood of logs.
const logRefusals = (app: FastifyInstance, maxConnections: number) => {
  let refused = 0
  let loggedAt = 0
  return () => {
    refused += 1
    if (Date.now() - loggedAt < 10_000) return
    loggedAt = Date.now()
    app.log.warn({ refused, maxConnections }, 'connection limit reached')
    refused = 0
  }
}

/**
 * Once the listener closes, Node stops enforcing headersTimeout and requestTimeout, so a begun
 * request would hold the process until the hard deadline. Node closes the idle sockets itself
 * (asked again on every pass, for those answered since); what stays idle in our sense holds a
 * request begun and not finished: it gets until its
 * headers deadline, or `drainGraceMs`, whichever is sooner, then a 408. Stalled readers go.
 */
const drainConnections = (
  server: Server,
  tracker: ConnectionTracker,
  policy: ConnectionPolicy,
  onDone: (answered: number) => void,
) => {
  const cutoff = Date.now() + policy.drainGraceMs
  const answered = new Set<Socket>()
  const timer = setInterval(() => {
    // Connections whose answer went out after the close began are idle now: Node closes those.
    server.closeIdleConnections()
    const now = Date.now()
    for (const [socket, idleSince] of tracker.idle)
      if (!answered.has(socket) && now >= Math.min(cutoff, idleSince + policy.headersTimeout)) {
        answered.add(socket)
        answerAndClose(socket, 408, policy.lingerMs)
      }
    for (const socket of [...tracker.stalled]) socket.destroy()
    if (tracker.open > 0) return
    clearInterval(timer)
    onDone(answered.size)
  }, policy.connectionsCheckingInterval)
}
