// The node:http server under Fastify (its serverFactory): every limit set in one place, and each
// request through `admit` before Fastify sees it.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import type { ServerLimits } from '../server-limits.ts'
import { createServer } from './node-http.ts'

/** Says whether a request may go on to the handler; one that may not has been dealt with. */
export type Admit = (request: IncomingMessage, response: ServerResponse) => boolean

export const createNodeServer = (
  limits: ServerLimits,
  handler: RequestListener,
  admit: Admit = () => true,
): Server => {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      keepAliveTimeout: limits.keepAliveTimeout,
      maxHeaderSize: limits.maxHeaderSize,
      connectionsCheckingInterval: limits.connectionsCheckingInterval,
      // Node's own 400 for a missing Host has no security headers; the request gate answers it.
      requireHostHeader: false,
    },
    (request, response) => {
      if (admit(request, response)) handler(request, response)
    },
  )
  // No socket timeout (server.setTimeout): Node would refresh a timer on every read and write of
  // every connection (about 5 µs a request measured). The connection tracker closes a connection
  // whose answers go unread for connectionTimeout; Node's own checks bound headers, requests and
  // idle keep-alive connections, and the body reader bounds bodies.
  return server
}
