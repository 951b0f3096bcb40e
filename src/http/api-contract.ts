// The API's contract in one place: paths of every dialect, error messages and headers, for the
// routes, the error handler, the request gate, the OpenAPI document and the tests.

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

/** time.now's developer API: worldtimeapi's time object at time.now's paths. */
export const TIME_NOW_ROUTES = {
  zones: '/developer/api/timezone',
  zone: '/developer/api/timezone/*',
  caller: '/developer/api/ip',
} as const

const TIME_NOW_PREFIX = '/developer/api'

/**
 * timeapi.io's routes as its Swagger spells them. Its clients write them in any case, as ASP.NET
 * matches them: canonicalUrl rewrites any casing to these before routing.
 */
export const TIMEAPI_ROUTES = {
  currentZone: '/api/Time/current/zone',
  currentIp: '/api/Time/current/ip',
  currentCoordinate: '/api/Time/current/coordinate',
  zone: '/api/TimeZone/zone',
  zoneIp: '/api/TimeZone/ip',
  zoneCoordinate: '/api/TimeZone/coordinate',
  zones: '/api/TimeZone/AvailableTimeZones',
  convert: '/api/Conversion/ConvertTimeZone',
  translate: '/api/Conversion/Translate',
  dayOfWeek: '/api/Conversion/DayOfTheWeek/:date',
  dayOfYear: '/api/Conversion/DayOfTheYear/:date',
  incrementCurrent: '/api/Calculation/current/increment',
  decrementCurrent: '/api/Calculation/current/decrement',
  incrementCustom: '/api/Calculation/custom/increment',
  decrementCustom: '/api/Calculation/custom/decrement',
  health: '/api/health/check',
} as const

/** The routes that take a JSON body (POST only). */
export const TIMEAPI_POST_ROUTES: ReadonlySet<string> = new Set([
  TIMEAPI_ROUTES.convert,
  TIMEAPI_ROUTES.translate,
  TIMEAPI_ROUTES.incrementCurrent,
  TIMEAPI_ROUTES.decrementCurrent,
  TIMEAPI_ROUTES.incrementCustom,
  TIMEAPI_ROUTES.decrementCustom,
])

// Lower case to canonical: whole paths, and the beginnings of the two with a parameter; and what
// lets most URLs through untouched at once: the lengths of the whole paths, and the letters their
// second segment begins with (t for Time and TimeZone, c, h), in either case.
const TIMEAPI_PATHS = new Map<string, string>()
const TIMEAPI_PREFIXES: Array<[lower: string, canonical: string]> = []
for (const route of Object.values(TIMEAPI_ROUTES)) {
  const parameter = route.indexOf(':')
  if (parameter < 0) TIMEAPI_PATHS.set(route.toLowerCase(), route)
  else TIMEAPI_PREFIXES.push([route.slice(0, parameter).toLowerCase(), route.slice(0, parameter)])
}
const PATH_LENGTHS = new Set([...TIMEAPI_PATHS.keys()].map((path) => path.length))
const SHORTEST_PREFIX = Math.min(...TIMEAPI_PREFIXES.map(([prefix]) => prefix.length))
const FIRST_LETTERS = new Set(
  [...TIMEAPI_PATHS.keys()].map((path) => path.charCodeAt(API_PREFIX.length + 1)),
)

/**
 * The URL with a timeapi.io path in its canonical case; any other URL as it is. worldtimeapi's
 * /api/timezone/{zone} is case-sensitive and shares timeapi.io's /api/TimeZone/ prefix in lower
 * case: only timeapi.io's four exact names there (zone, ip, coordinate, AvailableTimeZones, none
 * of them a zone or an area) are taken, so /api/timezone/Europe/Moscow stays worldtimeapi's.
 * Runs before routing on every request: most leave after a character or a length.
 */
export const canonicalUrl = (url: string): string => {
  // ORed with 0x20: an ASCII letter in lower case.
  if (!FIRST_LETTERS.has(url.charCodeAt(API_PREFIX.length + 1) | 0x20)) return url
  const query = url.indexOf('?')
  const path = query < 0 ? url : url.slice(0, query)
  const bare = path.endsWith('/') ? path.length - 1 : path.length
  const whole = PATH_LENGTHS.has(bare)
  if (!whole && bare <= SHORTEST_PREFIX) return url
  const lower = path.toLowerCase()
  // Case mapping that changes a length (none in latin1 but one) would misplace the rest.
  if (!lower.startsWith(`${API_PREFIX}/`) || lower.length !== path.length) return url
  const rest = url.slice(bare)
  const exact = whole ? TIMEAPI_PATHS.get(lower.slice(0, bare)) : undefined
  if (exact) return `${exact}${rest}`
  for (const [prefix, canonical] of TIMEAPI_PREFIXES)
    if (lower.startsWith(prefix)) return `${canonical}${url.slice(prefix.length)}`
  return url
}

export const ALLOWED_METHODS = 'GET, HEAD'

/** What a path answers to: POST on timeapi.io's POST routes, GET and HEAD everywhere else. */
export const allowedMethods = (path: string): string =>
  TIMEAPI_POST_ROUTES.has(path.endsWith('/') ? path.slice(0, -1) : path) ? 'POST' : ALLOWED_METHODS

// Browser clients of time APIs call them cross-origin; nothing here is private.
export const CORS_HEADERS = { 'access-control-allow-origin': '*' } as const
/** What a preflight allows besides the CORS-safelisted headers: a JSON body's type. */
export const CORS_ALLOWED_HEADERS = 'Content-Type'
/** A time answer's own: the API's security headers (CORS among them) come with its kind (security-headers.ts). */
export const TIME_HEADERS = { 'cache-control': 'no-store' } as const

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

/** The APIs' paths (worldtimeapi's and timeapi.io's under /api, time.now's under /developer/api). */
export const isApiPath = (path: string): boolean =>
  path === API_PREFIX ||
  path.startsWith(`${API_PREFIX}/`) ||
  path === TIME_NOW_PREFIX ||
  path.startsWith(`${TIME_NOW_PREFIX}/`)

/** Whether an API path asks for the text variant (one trailing slash allowed, as everywhere). */
export const isTextPath = (path: string): boolean => path.endsWith('.txt') || path.endsWith('.txt/')
