// Security headers by kind of answer, computed once: helmet's whole set, with a strict CSP, for
// documents (pages, and whatever a browser may render); a handful for the APIs' JSON and text.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'
import { CORS_HEADERS, isApiPath, pathOf } from './api-contract.ts'

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

/** helmet's headers, collected once from its middleware: for pages and everything not an API. */
export const DOCUMENT_HEADERS: Readonly<Record<string, string>> = (() => {
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
 * An API answer is read by programs, never rendered: what OWASP's REST guidance asks of it, and
 * no more, so a zone's answer fits a device's 600-byte buffer (docs/reliability.md). No sniffing,
 * no framing; cross-origin callers welcome. `default-src 'none'` would add nothing a JSON or text
 * answer served with nosniff can use, and 24 bytes.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
}

/** The set for an answer at `path`: the APIs' own, or a document's. */
export const securityHeadersFor = (path: string) =>
  isApiPath(path) ? API_HEADERS : DOCUMENT_HEADERS

/**
 * Sets them on every answer Fastify sends. The answers written with headers made once (the time,
 * the probes, the pages: prepared-answer.ts) carry their set in those, and skip this hook.
 */
export const addSecurityHeaders = (app: FastifyInstance) => {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(securityHeadersFor(pathOf(request.url)))
    done(null, payload)
  })
}
