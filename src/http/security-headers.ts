// Security headers: helmet's, with a strict CSP, computed once and set on every answer.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // Says what frame-ancestors 'none' says (helmet's default, SAMEORIGIN, would not), for browsers
  // that predate CSP 2.
  xFrameOptions: { action: 'deny' },
  // The API is meant to be called from other origins.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  // Set by the TLS terminator in front (docs/reliability.md): this server speaks plain HTTP.
  strictTransportSecurity: false,
} satisfies HelmetOptions

/** helmet's headers, collected once from its middleware. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {}
  const collect = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: () => {},
  }
  helmet(HELMET_OPTIONS)({} as IncomingMessage, collect as unknown as ServerResponse, () => {})
  return headers
})()

/**
 * Sets them on every answer. @fastify/helmet would rebuild its middleware and re-parse the CSP per
 * request, half the API's CPU time (docs/performance.md). Async on purpose: with a sync hook three
 * smuggling probes in test/faults/parser.test.ts get 413, not 400.
 */
export const addSecurityHeaders = (app: FastifyInstance) => {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS)
  })
}
