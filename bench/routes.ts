// The routes the bench asks, in the tables' order: adding one is one entry here.
export const ROUTES = [
  '/api/timezone/Europe/Moscow',
  '/api/timezone/Europe/Moscow.txt',
  '/',
  '/healthz',
  '/readyz',
]

/** BENCH_ROUTES=/healthz,/ measures those only: quicker A/B runs while profiling. */
export const selectRoutes = (list: string | undefined) =>
  list ? ROUTES.filter((route) => list.split(',').includes(route)) : ROUTES
