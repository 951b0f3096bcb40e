import { type AppOptions, buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { fixedClock } from '../src/time/clock.ts'
import { createZoneRegistry } from '../src/time/zones.ts'
import { FIXED_INSTANT } from './fixtures.ts'

export const zones = createZoneRegistry()

/** The app as main.ts builds it, with a fixed clock, silent logs unless a stream is given. */
export const buildTestApp = (
  env: Record<string, string> = {},
  options: Pick<AppOptions, 'lifecycle' | 'logStream' | 'metrics'> = {},
) =>
  buildApp({
    config: loadConfig({ LOG_LEVEL: options.logStream ? 'info' : 'silent', ...env }, zones.resolve),
    clock: fixedClock(FIXED_INSTANT),
    zones,
    ...options,
  })
