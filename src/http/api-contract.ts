// The API's contract in one place: paths, error messages and headers, for the routes, the error
// handler, the OpenAPI document and the tests.

export const API_PREFIX = '/api'

/** Where a zone's or area's path begins: `/api/timezone/Europe/Moscow`. */
export const ZONE_PREFIX = '/api/timezone/'

/** The routes as registered; `*` takes the rest of the path (a zone or area name, an address). */
export const API_ROUTES = {
  zones: '/api/timezone',
  zonesText: '/api/timezone.txt',
  zone: `${ZONE_PREFIX}*`,
  caller: '/api/ip',
  callerText: '/api/ip.txt',
  address: '/api/ip/*',
  openApi: '/api/openapi.json',
} as const

/** The error messages worldtimeapi.org's clients know. */
export const API_ERRORS = {
  unknownLocation: 'unknown location',
  malformedIp: 'malformed ip',
} as const

export const ALLOWED_METHODS = 'GET, HEAD'

// Browser clients of time APIs call them cross-origin; nothing here is private.
export const CORS_HEADERS = { 'access-control-allow-origin': '*' } as const
export const TIME_HEADERS = { ...CORS_HEADERS, 'cache-control': 'no-store' } as const

/** A request target's path, whether origin-form (`/api/ip`) or absolute-form (`http://h/api/ip`). */
export const pathOf = (url: string): string => {
  let start = 0
  if (url.charCodeAt(0) !== 47) {
    const scheme = url.indexOf('://')
    const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3)
    if (slash < 0) return '/'
    start = slash
  }
  const query = url.indexOf('?', start)
  return query < 0 ? url.slice(start) : url.slice(start, query)
}

export const isApiPath = (path: string): boolean =>
  path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)

/** Whether an API path asks for the text variant (one trailing slash allowed, as everywhere). */
export const isTextPath = (path: string): boolean => path.endsWith('.txt') || path.endsWith('.txt/')
