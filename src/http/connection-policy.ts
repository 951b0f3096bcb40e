// The connection policy: a cap on open connections that reclaims idle ones, requests per
// connection, and Connection: close from shutdown on.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'

export type ConnectionPolicy = {
  /** Open connections; at the cap a new one replaces the longest-idle, or is closed if none is. */
  maxConnections: number
  /** Answers on one connection; the last one says Connection: close. */
  maxRequestsPerSocket: number
  /** Whether the service still takes traffic: once not, every answer ends its connection. */
  ready: () => boolean
}

/**
 * Caps open connections the way nginx frees keep-alive connections when it runs out: idle ones
 * (no request in flight) go first, oldest first, so idle clients cannot lock others out. Only
 * when every connection is busy is the new one closed.
 */
const capConnections = (server: Server, max: number, onRefused: () => void) => {
  // Insertion order is idle order: the first entry has been idle longest.
  const idle = new Set<Socket>()
  const inFlight = new Map<Socket, number>()
  let open = 0
  // The cap is ours: Node's own would refuse the new connection however idle the others are.
  server.maxConnections = Number.POSITIVE_INFINITY
  server.on('connection', (socket: Socket) => {
    if (open >= max) {
      const oldest = idle.values().next().value
      if (!oldest) {
        socket.destroy()
        onRefused()
        return
      }
      idle.delete(oldest)
      oldest.destroy()
    }
    open += 1
    idle.add(socket)
    socket.once('close', () => {
      open -= 1
      idle.delete(socket)
      inFlight.delete(socket)
    })
  })
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket
    idle.delete(socket)
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1)
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1
      if (left > 0) return inFlight.set(socket, left)
      inFlight.delete(socket)
      if (!socket.destroyed) idle.add(socket)
    })
  })
}

export const applyConnectionPolicy = (
  app: FastifyInstance,
  { maxConnections, maxRequestsPerSocket, ready }: ConnectionPolicy,
) => {
  let refused = 0
  let refusedLoggedAt = 0
  capConnections(app.server, maxConnections, () => {
    refused += 1
    // One line per 10 s at most: a flood must not become a flood of logs.
    if (Date.now() - refusedLoggedAt < 10_000) return
    refusedLoggedAt = Date.now()
    app.log.warn({ refused, maxConnections }, 'connection limit reached')
    refused = 0
  })

  // Node would answer "100 Continue" by itself; no route wants a body, so never invite one.
  app.server.on('checkContinue', (request, response) =>
    app.server.emit('request', request, response),
  )

  // Set from the first close step, so answers sent while draining end their connection.
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  // From shutdown on, and at maxRequestsPerSocket answers, an answer ends its connection, so
  // keep-alive clients move to other replicas. (Node's own maxRequestsPerSocket answers pipelined
  // requests past it with a bare 503 without our security headers.)
  const answered = new WeakMap<Socket, number>()
  app.addHook('onSend', (request, reply, payload, done) => {
    const socket = request.raw.socket
    const count = (answered.get(socket) ?? 0) + 1
    answered.set(socket, count)
    if (closing || !ready() || count >= maxRequestsPerSocket) reply.header('connection', 'close')
    done(null, payload)
  })
}
