// The clock page in a real browser: Debian's Chromium driven by playwright-core, against the real
// server listening on 127.0.0.1. Skipped where Chromium is missing, except in CI, where it fails.
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.ts'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url)

if (!existsSync(CHROMIUM) && process.env.CI === 'true')
  throw new Error(`${CHROMIUM} is missing: set CHROME_PATH or install chromium`)
const skip = existsSync(CHROMIUM)
  ? false
  : `no ${CHROMIUM}: apt-get install chromium fonts-dejavu-core to run the browser tests`

const moscowDate = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Moscow',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
const plain = (text: string | null) => (text ?? '').replaceAll('\u00a0', ' ')

/**
 * Moves the page's wall clock (Date, Date.now) the way a wrong device clock does, and nothing
 * else: timers and performance.now() stay true. Playwright's page.clock would replace the timers
 * too, and the test would then exercise its fake timers instead of the browser's.
 */
const shiftDeviceClock = (shiftMs: number) => `(() => {
  const RealDate = Date
  class DeviceDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + ${shiftMs}); else super(...args) }
    static now() { return RealDate.now() + ${shiftMs} }
  }
  globalThis.Date = DeviceDate
})()`

// CSP violations become console errors, which every test refuses.
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))`

// Each change of the shown time, with the true time it happened at: performance.timeOrigin is
// the real clock at navigation, and performance.now() is monotonic; neither follows Date.
const RECORD_TICKS = `(() => {
  const time = document.getElementById('time')
  window.__ticks = []
  new MutationObserver(() => window.__ticks.push({
    at: performance.timeOrigin + performance.now(),
    datetime: time.getAttribute('datetime'),
    text: time.textContent,
  })).observe(time, { attributes: true, attributeFilter: ['datetime'] })
})()`

type Tick = { at: number; datetime: string; text: string }

describe('the clock page in Chromium', { skip }, () => {
  let app: FastifyInstance
  let browser: Browser
  let origin = ''

  before(async () => {
    app = buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }, createZoneRegistry().resolve) })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    assert.ok(address && typeof address === 'object')
    origin = `http://127.0.0.1:${address.port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
  })

  after(async () => {
    await browser?.close()
    await app?.close()
  })

  /** Opens the page; `problems` collects console errors, page errors and foreign requests. */
  const open = async (
    options: BrowserContextOptions = {},
    { path = '/', shiftMs = 0 }: { path?: string; shiftMs?: number } = {},
  ) => {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', ...options })
    if (options.javaScriptEnabled !== false) {
      await context.addInitScript(REPORT_CSP)
      if (shiftMs) await context.addInitScript(shiftDeviceClock(shiftMs))
    }
    const page = await context.newPage()
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('request', (request) => {
      requests.push(request.url())
      if (new URL(request.url()).origin !== origin) problems.push(`request to ${request.url()}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`)
    })
    const response = await page.goto(origin + path)
    assert.equal(response?.status(), 200)
    return { page, problems, requests, close: () => context.close() }
  }

  const synced = (page: Page) => page.waitForSelector('html[data-sync="ok"]', { state: 'attached' })

  const recordTicks = async (page: Page, ms: number): Promise<Tick[]> => {
    await page.evaluate(RECORD_TICKS)
    await page.waitForTimeout(ms)
    return page.evaluate('window.__ticks')
  }

  /** Every change must land within `tolerance` ms of the true start of the second it shows. */
  const assertTicksTrue = (ticks: Tick[], tolerance: number) => {
    assert.ok(ticks.length >= 2, `only ${ticks.length} ticks`)
    for (const [i, tick] of ticks.entries()) {
      const shown = Date.parse(tick.datetime)
      assert.ok(
        Math.abs(tick.at - shown) <= tolerance,
        `showed ${tick.datetime} at ${new Date(tick.at).toISOString()}: ${(tick.at - shown).toFixed(1)} ms off`,
      )
      assert.equal(tick.text, tick.datetime.slice(11, 19))
      assert.match(tick.datetime, /\+03:00$/)
      if (i > 0) assert.equal(shown - Date.parse(ticks[i - 1]?.datetime ?? ''), 1000)
    }
  }

  /** The shown second, read between `before` and `after`, is the true one within 1 s. */
  const assertWithinASecond = (shown: number, before: number, after: number) => {
    // The middle of the shown second against the middle of the reading.
    const error = shown + 500 - (before + after) / 2
    assert.ok(Math.abs(error) < 1000, `${error.toFixed(0)} ms from the true time`)
  }

  test('shows the true Moscow time within 1 s, and ticks on whole seconds', async () => {
    const { page, problems, requests, close } = await open()
    await synced(page)
    const before = Date.now()
    const shown = Date.parse((await page.locator('#time').getAttribute('datetime')) ?? '')
    const after = Date.now()
    assertWithinASecond(shown, before, after)
    assert.equal(await page.locator('#date').textContent(), moscowDate('en-GB').format(shown))
    assert.equal(await page.locator('#zone').textContent(), 'MSK · UTC+03:00')
    assertTicksTrue(await recordTicks(page, 2600), 250)
    // A handful of samples, not a stream.
    const samples = requests.filter((url) => url.includes('/api/'))
    assert.ok(samples.length >= 1 && samples.length <= 5, `${samples.length} API requests`)
    assert.deepEqual(problems, [])
    await close()
  })

  for (const [name, shiftMs, says] of [
    ['+2 h 0 min 37 s', 2 * 3600_000 + 37_000, /^Your clock is 2 h 37 s fast$/],
    ['-5 min', -5 * 60_000, /^Your clock is 5 min slow$/],
  ] as const) {
    test(`with the device clock moved ${name}, still shows the true time and the error`, async () => {
      const { page, problems, close } = await open({}, { shiftMs })
      const deviceAhead = Number(await page.evaluate('Date.now()')) - Date.now()
      assert.ok(Math.abs(deviceAhead - shiftMs) < 1000, 'the device clock was not moved')
      await synced(page)
      assertTicksTrue(await recordTicks(page, 2300), 250)
      const status = page.locator('#verdict')
      const offset = Number(await status.getAttribute('data-offset-ms'))
      assert.ok(
        Math.abs(offset + shiftMs) <= 100,
        `reported ${offset} ms for a ${shiftMs} ms shift`,
      )
      assert.ok(Number(await status.getAttribute('data-uncertainty-ms')) < 100)
      assert.match(plain(await status.textContent()), says)
      // The state is said by a mark and in words, and styled as a warning; the fix is one line.
      assert.equal(await status.getAttribute('data-state'), 'off')
      assert.equal(
        await page.evaluate(
          "getComputedStyle(document.querySelector('#verdict .mark'), '::before').content",
        ),
        '"!"',
      )
      assert.match(plain(await page.locator('#fix').textContent()), /^To fix it: /)
      assert.match(await page.title(), /^\d\d:\d\d:\d\d · Moscow$/)
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test('shows the server-rendered time with JavaScript off', async () => {
    const before = Date.now()
    const { page, problems, requests, close } = await open({ javaScriptEnabled: false })
    const after = Date.now()
    const datetime = (await page.locator('#time').getAttribute('datetime')) ?? ''
    const shown = Date.parse(datetime)
    assertWithinASecond(shown, before, after)
    assert.equal(await page.locator('#time').textContent(), datetime.slice(11, 19))
    assert.equal(await page.locator('#date').textContent(), moscowDate('en-GB').format(shown))
    assert.equal(await page.locator('#zone').textContent(), 'MSK · UTC+03:00')
    assert.match((await page.locator('noscript').textContent()) ?? '', /Turn on JavaScript/)
    assert.match(
      plain(await page.locator('#verdict').textContent()),
      /^Turn on JavaScript to check/,
    )
    assert.equal(await page.locator('#verdict').getAttribute('data-state'), 'pending')
    assert.deepEqual(
      requests.filter((url) => url.includes('/api/')),
      [],
    )
    assert.deepEqual(problems, [])
    await close()
  })

  test('speaks Russian to a Russian browser, and the switch changes language', async () => {
    const { page, problems, close } = await open({ extraHTTPHeaders: { 'Accept-Language': 'ru' } })
    await synced(page)
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru')
    assert.equal(await page.locator('h1').textContent(), 'Время в Москве')
    const shown = Date.parse((await page.locator('#time').getAttribute('datetime')) ?? '')
    const date = (await page.locator('#date').textContent()) ?? ''
    // The date may have turned over between the two readings only at midnight; allow for it.
    assert.ok([shown, shown + 1000].map((at) => moscowDate('ru').format(at)).includes(date), date)
    assert.match(plain(await page.locator('#verdict').textContent()), /^Ваши часы/)
    assert.equal(
      plain(await page.locator('#diff').textContent()),
      'Москва отстаёт от вас на 6 часов',
    )

    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL(/\?lang=en$/)
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    assert.equal(await page.locator('h1').textContent(), 'Time in Moscow')
    assert.equal(await page.locator('nav [aria-current="page"]').textContent(), 'English')

    await page.getByRole('link', { name: 'Русский' }).click()
    await page.waitForURL(/\?lang=ru$/)
    assert.equal(await page.locator('h1').textContent(), 'Время в Москве')
    assert.deepEqual(problems, [])
    await close()
  })

  for (const [zone, says] of [
    ['America/Cancun', 'Moscow is 8 hours ahead of you'],
    ['Asia/Kolkata', 'Moscow is 2 hours 30 minutes behind you'],
    ['Europe/Minsk', 'You are on Moscow time'],
  ] as const) {
    test(`tells a visitor in ${zone} how Moscow differs`, async () => {
      const { page, problems, close } = await open({ timezoneId: zone })
      await synced(page)
      assert.equal(plain(await page.locator('#diff').textContent()), says)
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test('notices a CSP violation (the harness can fail)', async () => {
    const { page, problems, close } = await open()
    await page.evaluate(
      "document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{}' }))",
    )
    await page.waitForTimeout(100)
    assert.ok(
      problems.some((problem) => problem.includes('CSP violation: style-src')),
      problems.join('\n'),
    )
    await close()
  })

  test('respects prefers-reduced-motion', async () => {
    const { page, close } = await open({ reducedMotion: 'reduce' })
    await synced(page)
    const transition = await page.evaluate(
      "getComputedStyle(document.querySelector('a')).transitionDuration",
    )
    assert.equal(transition, '0s')
    await close()
  })

  // Layout shifts from navigation through the first sync and a forced resync (the device clock
  // jumping makes the script sample again), as Chromium's Layout Instability API reports them.
  const CLS = `(() => {
    window.__cls = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__cls += entry.value
        // What moved, for the failure message.
        window.__moved = (window.__moved || []).concat(entry.sources.map((s) =>
          (s.node ? s.node.id || s.node.className || s.node.nodeName : '?') + ' ' +
          Math.round(s.previousRect.y) + '->' + Math.round(s.currentRect.y) + ' h ' +
          Math.round(s.previousRect.height) + '->' + Math.round(s.currentRect.height)))
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })()`
  for (const [name, options] of [
    ['desktop, English', { viewport: { width: 1440, height: 900 } }],
    ['phone, English', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
    [
      'desktop, Russian',
      { viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { 'Accept-Language': 'ru' } },
    ],
    [
      'phone, Russian',
      {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        extraHTTPHeaders: { 'Accept-Language': 'ru' },
      },
    ],
  ] as Array<[string, BrowserContextOptions]>) {
    test(`no layout shift, ${name}, with a skewed clock, through a sync and a resync`, async () => {
      const { page, problems, close } = await open(options, { shiftMs: 2 * 3600_000 + 37_000 })
      await page.evaluate(CLS)
      await synced(page)
      await page.waitForTimeout(500)
      // Move the device clock again: the script notices the jump and syncs once more.
      await page.evaluate(
        '(() => { const D = Date; const now = D.now; D.now = () => now() + 60_000 })()',
      )
      await page.waitForTimeout(2_500)
      assert.equal(
        await page.evaluate('window.__cls'),
        0,
        String(await page.evaluate('window.__moved')),
      )
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test('the first second is right with slow HTML and no sync at all', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    // The HTML arrives 2 s after the server rendered it; the sync never answers.
    await page.route('**/api/**', (route) => route.abort())
    await page.route(/\/(\?.*)?$/, async (route) => {
      const response = await route.fetch()
      const body = await response.text()
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      await route.fulfill({ response, body })
    })
    await page.goto(origin)
    await page.waitForFunction("document.getElementById('verdict').dataset.state === 'failed'")
    // The shown second and the true time read together (performance.timeOrigin is the real clock):
    // the truth must lie within 1.3 s of the second shown.
    const [datetime, truth] = (await page.evaluate(
      "[document.getElementById('time').getAttribute('datetime'), performance.timeOrigin + performance.now()]",
    )) as [string, number]
    const shown = Date.parse(datetime)
    const error = Math.max(0, shown - truth, truth - (shown + 1000))
    assert.ok(error <= 1_300, `the shown second ${datetime} is ${Math.round(error)} ms off`)
    await context.close()
  })

  const layouts: Array<[string, BrowserContextOptions]> = [
    ['light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }],
    ['dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }],
    [
      'phone',
      {
        viewport: { width: 320, height: 640 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    ],
    ['4k', { viewport: { width: 3840, height: 2160 } }],
  ]
  for (const [name, options] of layouts) {
    test(`lays out without overflow, ${name} (screenshot in artifacts/screenshots/)`, async () => {
      const { page, problems, close } = await open(options)
      await synced(page)
      const width = options.viewport?.width ?? 0
      assert.ok(
        Number(await page.evaluate('document.documentElement.scrollWidth')) <= width,
        'scrolls sideways',
      )
      const clock = await page.locator('.clock').boundingBox()
      assert.ok(clock && clock.x >= 0 && clock.x + clock.width <= width, 'the clock is cut off')
      mkdirSync(SCREENSHOTS, { recursive: true })
      const file = new URL(`${name}.png`, SCREENSHOTS)
      await page.screenshot({ path: file.pathname })
      assert.ok(statSync(file).size > 1000)
      assert.deepEqual(problems, [])
      await close()
    })
  }
})
