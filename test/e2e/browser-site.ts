// The service on a free loopback port and a Chromium beside it, for the page suites; `skip` says
// why a suite cannot run here (under CI=true a missing browser fails instead).
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.ts'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import type { Clock } from '../../src/time/clock.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

if (!existsSync(CHROMIUM) && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing: set CHROME_PATH or install chromium`)
export const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: apt-get install chromium to run`

export type BrowserSite = { app: FastifyInstance; browser: Browser; origin: string }

/** The app at `clock` (the system's by default), listening, and a browser; `warm` paths asked first. */
export const openBrowserSite = async (clock?: Clock, warm: string[] = []): Promise<BrowserSite> => {
  const zones = createZoneRegistry()
  const config = loadConfig({ LOG_LEVEL: 'silent' }, zones.resolve)
  const app = buildApp({ config, zones, ...(clock ? { clock } : {}) })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  for (const path of warm) await fetch(origin + path)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
  return { app, browser, origin }
}

export const closeBrowserSite = async (site: BrowserSite | undefined) => {
  await site?.browser.close()
  await site?.app.close()
}
