import type { FastifyInstance } from 'fastify'
import { renderPage } from '../render/page.ts'
import type { Clock } from '../time/clock.ts'
import type { TimeDescriber } from '../time/time-info.ts'

export type PageDeps = { clock: Clock; describe: TimeDescriber; timeZone: string; publicDir: URL }

export const registerPageRoutes = (
  app: FastifyInstance,
  { clock, describe, timeZone }: PageDeps,
) => {
  app.get('/', (_request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderPage(describe(clock(), timeZone))),
  )
}
