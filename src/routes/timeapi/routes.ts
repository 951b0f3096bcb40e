// timeapi.io's API at its own paths (docs/compat.md): what its clients call, answered unchanged.
import type { FastifyInstance } from 'fastify'
import { jsonBodyRoute } from '../../http/json-body.ts'
import type { ServerLimits } from '../../server-limits.ts'
import { registerCalculationRoutes } from './calculation-routes.ts'
import { registerConversionRoutes } from './conversion-routes.ts'
import { registerTimeRoutes, type TimeRoutesDeps } from './time-routes.ts'

export type TimeApiDeps = TimeRoutesDeps & {
  limits: Pick<ServerLimits, 'bodyTimeout'>
}

export const registerTimeApiRoutes = (app: FastifyInstance, deps: TimeApiDeps) => {
  const jsonBody = jsonBodyRoute(deps.limits.bodyTimeout)
  registerTimeRoutes(app, deps)
  registerConversionRoutes(app, { zones: deps.zones, jsonBody })
  registerCalculationRoutes(app, { clock: deps.clock, zones: deps.zones, jsonBody })
}
