// The routes the bench asks, in the tables' order: adding one is one entry here.
export const ROUTES = [
  '/healthz',
  '/api/timezone/Europe/Moscow',
  '/api/timezone/Europe/Moscow.txt',
  '/api/ip/77.88.8.8',
  '/api/places?q=Kazan',
  '/',
  '/city/Kazan',
  '/readyz',
]

/** The JSON API, whose answer on the wire is judged. */
export const API_ROUTE = '/api/timezone/Europe/Moscow'

// Captured and sized with the others, but loaded only when BENCH_ROUTES names it: /healthz's twin,
// not worth a minute of every run.
const ASKED_ONLY = new Set(['/readyz'])

/** BENCH_ROUTES=/healthz,/ measures those only: quicker A/B runs while profiling. */
export const selectRoutes = (list: string | undefined) =>
  list
    ? ROUTES.filter((route) => list.split(',').includes(route))
    : ROUTES.filter((route) => !ASKED_ONLY.has(route))
