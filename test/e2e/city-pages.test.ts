// City pages and the index in a real browser, and the day's sun against an independent computation.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { fixedClock } from '../../src/time/clock.ts'
import { findPeriod, zonePlaces } from '../../src/time/tzdb.ts'
import { plain } from '../fixtures.ts'
import { type BrowserSite, closeBrowserSite, openBrowserSite, skip } from './browser-site.ts'
import { noaaSun } from './noaa-sun.ts'

const NOW = '2026-11-27T13:20:31Z'
const wallMinutes = (zone: string, ms: number) => {
  const offset = findPeriod(zone, Math.floor(ms / 1000))?.offset ?? 0
  const local = new Date(ms + offset * 1000)
  return local.getUTCHours() * 60 + local.getUTCMinutes()
}

let site: BrowserSite | undefined
let browser: Browser
let origin = ''
before(async () => {
  if (skip) return
  site = await openBrowserSite(fixedClock(NOW))
  ;({ browser, origin } = site)
})
after(() => closeBrowserSite(site))

const visibleText = async (path: string, javaScript = true) => {
  const context = await browser.newContext({ javaScriptEnabled: javaScript })
  const page = await context.newPage()
  const response = await page.goto(origin + path)
  // The rendered text, as a reader sees it (hidden and noscript content left out).
  const rendered = (await page.evaluate('document.body.innerText')) as string
  const text = plain(rendered)
  const url = page.url()
  await context.close()
  return { status: response?.status(), text, url }
}

describe('city pages in Chromium', { skip }, () => {
  test("/Asia/Tokyo?lang=ru shows Tokyo's time and «Токио»", async () => {
    const { status, text } = await visibleText('/Asia/Tokyo?lang=ru', false)
    assert.equal(status, 200)
    assert.match(text, /Токио/)
    assert.match(text, /22:20/)
  })

  test('/europe/london lands on /Europe/London', async () => {
    const { url, text } = await visibleText('/europe/london')
    assert.equal(new URL(url).pathname, '/Europe/London')
    assert.match(text, /London/)
  })

  test('the index works without JavaScript and links every city', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    assert.equal((await page.goto(`${origin}/cities`))?.status(), 200)
    const links = await page
      .locator('main section:not(#countries) a')
      .evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href'), a.textContent]))
    const listed = (await (await fetch(`${origin}/api/timezone`)).json()) as string[]
    assert.deepEqual(
      links.map(([href]) => href?.slice(1)).sort(),
      [...listed].sort(),
      'one link per zone the API lists',
    )
    const tokyo = links.find(([href]) => href === '/Asia/Tokyo')
    assert.equal(tokyo?.[1], 'Tokyo')
    // Areas far down are laid out only when scrolled to (content-visibility): they still show.
    const shown = () => page.evaluate('document.body.innerText').then((text) => String(text))
    assert.doesNotMatch(await shown(), /Tahiti/)
    await page.locator('a[href="/Pacific/Tahiti"]').scrollIntoViewIfNeeded()
    for (let frame = 0; frame < 20 && !/Tahiti/.test(await shown()); frame++)
      await page.waitForTimeout(50)
    assert.match(await shown(), /Tahiti/)
    await page.click('a[href="/Asia/Tokyo"]')
    assert.equal(page.url(), `${origin}/Asia/Tokyo`)
    assert.match(String(await page.evaluate('document.body.innerText')), /Tokyo/)
    await context.close()
  })

  for (const zone of ['Europe/London', 'Asia/Tokyo', 'America/Argentina/Buenos_Aires']) {
    test(`${zone}: sunrise and sunset within 2 minutes of NOAA's equations`, async () => {
      const { text } = await visibleText(`/${zone}`, false)
      const shown = /Sunrise (\d\d):(\d\d) · sunset (\d\d):(\d\d)/.exec(text)
      assert.ok(shown, `no sunrise line in: ${text}`)
      const place = zonePlaces[zone]
      assert.ok(place)
      const offset = findPeriod(zone, Date.parse(NOW) / 1000)?.offset ?? 0
      const localDay = Math.floor((Date.parse(NOW) + offset * 1000) / 86_400_000) * 86_400_000
      const sun = noaaSun(localDay, place[1], place[2])
      assert.ok(sun)
      const [, rh, rm, sh, sm] = shown.map(Number)
      const near = (a: number, b: number) => Math.abs(((a - b + 720 + 1440) % 1440) - 720) <= 2
      assert.ok(
        near((rh ?? 0) * 60 + (rm ?? 0), wallMinutes(zone, sun.rise)),
        `sunrise ${shown[0]}`,
      )
      assert.ok(near((sh ?? 0) * 60 + (sm ?? 0), wallMinutes(zone, sun.set)), `sunset ${shown[0]}`)
    })
  }

  test('the index links every country’s page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/cities?lang=ru`)
    const countries = await page.locator('#countries a').count()
    assert.ok(countries > 200, `${countries} countries`)
    await page.click('#countries a[href="/country/RU?lang=ru"]')
    assert.equal(page.url(), `${origin}/country/RU?lang=ru`)
    assert.match(String(await page.evaluate('document.body.innerText')), /Россия/)
    await context.close()
  })

  test('McMurdo in November: polar day, in words', async () => {
    const place = zonePlaces['Antarctica/McMurdo']
    assert.ok(place)
    assert.equal(noaaSun(Date.parse('2026-11-27T00:00:00Z'), place[1], place[2]), null)
    const { text } = await visibleText('/Antarctica/McMurdo', false)
    assert.match(text, /The sun does not set today \(polar day\)/)
  })
})
