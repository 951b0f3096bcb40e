// Runs Lighthouse on the clock page, served in-process on 127.0.0.1, with Debian's Chromium, and
// prints the four category scores. `--desktop` audits as a desktop instead of a throttled phone.
// Exits 1 when a score is under its goal. The full report goes to artifacts/lighthouse/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createZoneRegistry } from '../src/time/zones.ts'
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts'

const GOALS: Record<string, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}
const desktop = process.argv.includes('--desktop')
// A page's path, e.g. /Asia/Tokyo; by default the home page.
const path = process.argv.slice(2).find((arg) => arg.startsWith('/')) ?? '/'

const app = buildApp({ config: loadConfig({ LOG_LEVEL: 'warn' }, createZoneRegistry().resolve) })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
if (!address || typeof address !== 'object') throw new Error('the server has no address')
const url = `http://127.0.0.1:${address.port}${path}`

const chrome = await launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROMIUM_FLAGS,
  logLevel: 'error',
})
let failed = false
try {
  const result = await lighthouse(
    url,
    { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: Object.keys(GOALS) },
    desktop ? desktopConfig : undefined,
  )
  if (!result) throw new Error('Lighthouse returned no result')
  const out = new URL('../artifacts/lighthouse/', import.meta.url)
  mkdirSync(out, { recursive: true })
  const report = new URL(`report-${desktop ? 'desktop' : 'mobile'}.html`, out)
  writeFileSync(report, String(result.report))
  writeFileSync(
    new URL(`report-${desktop ? 'desktop' : 'mobile'}.json`, out),
    JSON.stringify(result.lhr),
  )
  console.log(
    `Lighthouse ${result.lhr.lighthouseVersion}, ${desktop ? 'desktop' : 'mobile'}, ${url}`,
  )
  for (const [id, goal] of Object.entries(GOALS)) {
    const category = result.lhr.categories[id]
    const score = Math.round((category?.score ?? 0) * 100)
    if (score < goal) failed = true
    console.log(
      `${(category?.title ?? id).padEnd(15)} ${String(score).padStart(3)}  (goal ${goal})`,
    )
    // Name what cost points, so a low score says where to look.
    for (const ref of category?.auditRefs ?? []) {
      const audit = result.lhr.audits[ref.id]
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        console.log(
          `  - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''} (score ${audit.score})`,
        )
    }
  }
  console.log(`report: ${report.pathname}`)
} finally {
  chrome.kill()
  await app.close()
}
process.exitCode = failed ? 1 : 0
