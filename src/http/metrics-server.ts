// The scrapers' listener: GET /metrics, nothing else, with the public listener's limits.
import type { Server } from 'node:http'
import type { ServerLimits } from '../server-limits.ts'
import { ALLOWED_METHODS } from './api-contract.ts'
import { capConnections, createConnections } from './connection-policy.ts'
import type { Metrics } from './metrics.ts'
import { createNodeServer } from './node-server.ts'

// A scraper or two and a person with curl: beyond that, someone is holding sockets open.
export const METRICS_MAX_CONNECTIONS = 16

export const createMetricsServer = (
  { registry }: Metrics,
  limits: ServerLimits,
  maxConnections = METRICS_MAX_CONNECTIONS,
): Server => {
  const connections = createConnections(limits)
  const server = createNodeServer(
    limits,
    (request, response) => {
      const path = (request.url ?? '').split('?', 1)[0]
      if (path !== '/metrics') return response.writeHead(404).end()
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return response.writeHead(405, { allow: ALLOWED_METHODS }).end()
      registry.metrics().then(
        (text) =>
          response
            .writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
            .end(request.method === 'HEAD' ? undefined : text),
        () => response.writeHead(500).end(),
      )
    },
    connections.admit,
  )
  connections.attach(server)
  capConnections(server, connections, maxConnections, () => {})
  return server
}
