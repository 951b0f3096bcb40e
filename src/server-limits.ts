/**
 * The HTTP server's limits and timeouts, each with the reason for its value. Durations are
 * milliseconds. docs/reliability.md gives the faults these limits were tried against.
 */

export type ServerLimits = {
  /** Time from a connection's first byte (or its accepting) to the end of the request headers. */
  headersTimeout: number
  /** Time to receive the whole request. */
  requestTimeout: number
  /** How long an idle keep-alive connection is kept. */
  keepAliveTimeout: number
  /** Socket inactivity while a request is open (e.g. a client that stops reading the answer). */
  connectionTimeout: number
  /** How often Node looks for connections past headersTimeout or requestTimeout. */
  connectionsCheckingInterval: number
  /** Request line plus headers, in bytes; beyond it the answer is 431. */
  maxHeaderSize: number
  /** Requests served on one connection before it is closed. */
  maxRequestsPerSocket: number
  /** Open connections; at the cap a new one replaces the longest-idle, or is closed if all are busy. */
  maxConnections: number
  /** Request body bytes Fastify would parse (the routes that take JSON; others refuse bodies). */
  bodyLimit: number
  /** From the end of the headers to the end of a JSON body; past it the answer is 408. */
  bodyTimeout: number
  /** Characters in one path parameter. */
  maxParamLength: number
  /** A socket that got a 4xx from the parser is drained at most this long, then destroyed. */
  lingerMs: number
  /** Requests in flight on one connection (pipelined); beyond it the connection is closed. */
  maxPipelined: number
  /** A busy socket whose answers go unread this long may be reclaimed at the cap. */
  stallMs: number
  /** From shutdown on, a begun request gets at most this long to arrive whole, then a 408. */
  drainGraceMs: number
}

/** After the shutdown delay, in-flight requests get this long before the process exits anyway. */
export const DRAIN_TIMEOUT_MS = 10_000

export const SERVER_LIMITS: Readonly<ServerLimits> = {
  // A real client sends its headers in one round trip; 10 s covers a bad mobile link and caps slowloris.
  headersTimeout: 10_000,
  // Headers within headersTimeout, then a JSON body within bodyTimeout: 15 s covers both, and Node
  // needs it >= headersTimeout. Node stops enforcing it when the listener closes; bodyTimeout not.
  requestTimeout: 15_000,
  // Above the 60-65 s idle timeouts of common load balancers and nginx, so they close first, never us mid-request.
  keepAliveTimeout: 72_000,
  // Answers are a few KiB: a connection whose answers go unread this long is a reader that
  // stopped. Enforced by the connection tracker, not Node's socket timeout (node-server.ts).
  connectionTimeout: 30_000,
  // Timeouts fire within 1 s of their limit; a check is one pass over the open connections.
  connectionsCheckingInterval: 1_000,
  // Node's default: fits browsers' requests with cookies; more only buys an attacker memory.
  maxHeaderSize: 16_384,
  // Rebalances long-lived proxy connections across replicas after a scale-out; the same as nginx's keepalive_requests.
  maxRequestsPerSocket: 1_000,
  // ~22 KiB each (measured), ~54 MiB at the cap: with the heap's bound, inside the 256 MiB pod limit.
  maxConnections: 2_500,
  // timeapi.io's POST bodies are 60-160 bytes (two zone names, a date-time, a time span); 2 KB
  // leaves room for padding and long names. Every other route refuses a body before reading it.
  bodyLimit: 2_048,
  // 2 KB is one or two packets right after the headers: 5 s is many round trips on a bad mobile
  // link, and, unlike requestTimeout, still holds while shutdown drains (connection-policy.ts).
  bodyTimeout: 5_000,
  // Only /assets/:file has a named parameter (wildcards are not limited): its names are ~25
  // characters, so a longer one cannot match, and the router stops reading it here.
  maxParamLength: 100,
  // Long enough for the client to read the error before the close, short enough to bound a dripping client.
  lingerMs: 2_000,
  // Node reads a whole chunk of pipelined requests at once (1,800 in 64 KB) and holds every
  // answer until the ones before it are read: 12 MB a socket for /cities. Browsers never
  // pipeline; wrk's --pipeline 10 and curl's few fit.
  maxPipelined: 32,
  // Unread for 2 s with Node's 16 KiB buffer full: a reader on any real link takes a few KiB in
  // that time. Only reclaimed when the cap is reached, so a slow link loses nothing otherwise.
  stallMs: 2_000,
  // A real client sends its headers in one round trip: one second is many round trips.
  drainGraceMs: 1_000,
}

/** Fastify's settings for these limits; Node's are set where the server is made (node-server.ts). */
export const fastifyLimits = (limits: ServerLimits) =>
  ({
    bodyLimit: limits.bodyLimit,
    // Clients write /api/timezone/ and /api/timezone alike: one trailing slash is dropped.
    routerOptions: { maxParamLength: limits.maxParamLength, ignoreTrailingSlash: true },
    // Requests that reach a closing server are served (with Connection: close), not refused with a
    // bare 503: clients without a retrying proxy need the answer (docs/reliability.md).
    return503OnClosing: false,
    // At close, idle keep-alive sockets go at once; busy ones finish their request first.
    forceCloseConnections: 'idle',
  }) as const
