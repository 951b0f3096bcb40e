// The search field in a real browser: with the script, suggestions as you type (the ARIA combobox
// pattern, keyboard and pointer, no layout shift); without it, the plain form.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { plain } from '../fixtures.ts'
import { type BrowserSite, closeBrowserSite, openBrowserSite, skip } from './browser-site.ts'

// Layout shifts from before the first paint on, and what moved (for the failure message).
const CLS = `(() => {
  window.__cls = 0
  window.__moved = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__cls += entry.value
      const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(' ')
      window.__moved.push(...entry.sources.map((s) =>
        (s.node ? s.node.id || s.node.nodeName : '?') + ' at ' + Math.round(entry.startTime) + ' ms' +
        (entry.hadRecentInput ? ' after input' : '') + ': ' + rect(s.previousRect) + ' -> ' + rect(s.currentRect)))
    }
  }).observe({ type: 'layout-shift', buffered: true })
})()`
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI))`

const DESKTOP = { viewport: { width: 1440, height: 900 } }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const RUSSIAN = { extraHTTPHeaders: { 'Accept-Language': 'ru' } }

let site: BrowserSite | undefined
let browser: Browser
let origin = ''
before(async () => {
  if (skip) return
  // The index loads on first use: the first suggestion should not wait for it.
  site = await openBrowserSite(undefined, ['/api/places?q=warm', '/city/Kazan'])
  ;({ browser, origin } = site)
})
after(() => closeBrowserSite(site))

/** Opens a page; `problems` collects console errors, page errors and requests off the origin. */
const open = async (path: string, options: BrowserContextOptions = {}) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', ...options })
  const scripted = options.javaScriptEnabled !== false
  if (scripted) {
    await context.addInitScript(REPORT_CSP)
    await context.addInitScript(CLS)
  }
  const page = await context.newPage()
  const problems: string[] = []
  const suggestions: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== origin) problems.push(`request to ${request.url()}`)
    if (url.pathname === '/api/places') suggestions.push(url.search)
  })
  await page.goto(origin + path)
  return { page, problems, suggestions, close: () => context.close() }
}

const field = (page: Page) => page.locator('#q')
const optionsOf = (page: Page) =>
  page
    .locator('#q-list [role="option"]')
    .evaluateAll((options) => options.map((o) => (o.textContent ?? '').replace(/\u00a0/g, ' ')))
const shownOptions = (page: Page) =>
  page.waitForSelector('#q-list:not([hidden]) [role="option"]', { timeout: 10_000 })

describe('the search field with the script', { skip }, () => {
  test('typing shows suggestions, once typing pauses; arrows highlight, Enter opens the page', async () => {
    const { page, problems, suggestions, close } = await open('/', DESKTOP)
    const q = field(page)
    assert.equal(await q.getAttribute('role'), 'combobox')
    assert.equal(await q.getAttribute('aria-expanded'), 'false')
    assert.equal(await q.getAttribute('aria-controls'), 'q-list')
    // As fast as keys go: a slow machine's stall between two keys must stay under the 150 ms pause.
    await q.pressSequentially('Kazan')
    await shownOptions(page)
    assert.equal(await q.getAttribute('aria-expanded'), 'true')
    assert.deepEqual(
      suggestions,
      ['?q=Kazan&lang=en&limit=8'],
      'one request for five quick letters',
    )
    const options = await optionsOf(page)
    assert.equal(options[0], 'Kazan Tatarstan Republic, Russia')
    assert.ok(options.length > 1)
    await page.keyboard.press('ArrowDown')
    assert.equal(await q.getAttribute('aria-activedescendant'), 'q-opt-0')
    assert.equal(await page.locator('#q-opt-0').getAttribute('aria-selected'), 'true')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    assert.equal(await q.getAttribute('aria-activedescendant'), 'q-opt-0')
    assert.equal(await page.evaluate('document.activeElement.id'), 'q', 'focus stays in the field')
    await Promise.all([page.waitForURL(`${origin}/city/Kazan`), page.keyboard.press('Enter')])
    assert.match(await page.title(), /Kazan/)
    assert.deepEqual(problems, [])
    await close()
  })

  test('Escape closes the list, a second Escape empties the field', async () => {
    const { page, close } = await open('/Asia/Tokyo', DESKTOP)
    const q = field(page)
    await q.pressSequentially('Mosc', { delay: 30 })
    await shownOptions(page)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Escape')
    assert.equal(await q.getAttribute('aria-expanded'), 'false')
    assert.equal(await page.locator('#q-list').isHidden(), true)
    assert.equal(await q.getAttribute('aria-activedescendant'), null)
    assert.equal(await q.inputValue(), 'Mosc')
    // Reopened and closed again, then the field emptied.
    await page.keyboard.press('ArrowDown')
    assert.equal(await q.getAttribute('aria-expanded'), 'true')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    assert.equal(await q.inputValue(), '')
    await close()
  })

  test('Enter with no option highlighted submits the form; a click on an option opens it', async () => {
    const { page, close } = await open('/cities', DESKTOP)
    await field(page).pressSequentially('Springfield', { delay: 20 })
    await shownOptions(page)
    await Promise.all([page.waitForURL(/\/search\?q=Springfield$/), page.keyboard.press('Enter')])
    assert.match(
      plain(String(await page.evaluate('document.body.innerText'))),
      /found, best match first/,
    )
    await field(page).fill('')
    await field(page).pressSequentially('Sochi', { delay: 20 })
    await shownOptions(page)
    await Promise.all([page.waitForURL(`${origin}/city/Sochi`), page.locator('#q-opt-0').click()])
    await close()
  })

  test('in Russian: Russian names, and the page opened keeps the language', async () => {
    const { page, suggestions, close } = await open('/?lang=ru', PHONE)
    await field(page).pressSequentially('Казань', { delay: 30 })
    await shownOptions(page)
    assert.equal((await optionsOf(page))[0], 'Казань Татарстан, Россия')
    assert.ok(suggestions.every((search) => search.includes('lang=ru')))
    await page.keyboard.press('ArrowDown')
    await Promise.all([
      page.waitForURL(`${origin}/city/Kazan?lang=ru`),
      page.keyboard.press('Enter'),
    ])
    assert.equal(await page.title().then((t) => /Казан/.test(t)), true)
    await close()
  })

  for (const [name, options] of [
    ['desktop, English', DESKTOP],
    ['phone, English', PHONE],
    ['desktop, Russian', { ...DESKTOP, ...RUSSIAN }],
    ['phone, Russian', { ...PHONE, ...RUSSIAN }],
  ] as Array<[string, BrowserContextOptions]>) {
    test(`no layout shift while suggestions show, ${name}`, async () => {
      const { page, problems, close } = await open('/city/Kazan', options)
      const typedAt = await page.evaluate('Math.round(performance.now())')
      await field(page).pressSequentially('San', { delay: 30 })
      await shownOptions(page)
      assert.equal((await optionsOf(page)).length, 8)
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'Escape'])
        await page.keyboard.press(key)
      await field(page).pressSequentially('t', { delay: 30 })
      await page.waitForTimeout(600)
      assert.equal(
        await page.evaluate('window.__cls'),
        0,
        `${await page.evaluate('window.__moved')}; typing began at ${typedAt} ms`,
      )
      assert.deepEqual(problems, [])
      await close()
    })
  }
})

describe('the search field without the script', { skip }, () => {
  const submit = async (path: string, query: string, options: BrowserContextOptions = {}) => {
    const { page, close } = await open(path, { javaScriptEnabled: false, ...options })
    await field(page).fill(query)
    const [response] = await Promise.all([page.waitForNavigation(), field(page).press('Enter')])
    const text = plain(String(await page.evaluate('document.body.innerText')))
    return { page, status: response?.status(), text, close }
  }

  test('one place meant: straight to its page', async () => {
    const { page, status, text, close } = await submit('/', 'Kazan')
    assert.equal(status, 200)
    assert.equal(new URL(page.url()).pathname, '/city/Kazan')
    assert.match(text, /Time in Kazan/)
    await close()
  })

  test('several: a list, the largest first, each linking its page', async () => {
    const { page, status, text, close } = await submit('/Asia/Tokyo', 'Springfield')
    assert.equal(status, 200)
    assert.equal(new URL(page.url()).search, '?q=Springfield')
    assert.match(text, /Search: Springfield/)
    assert.ok((await page.locator('main ol.places > li').count()) > 5)
    await page.locator('main ol.places a').first().click()
    assert.match(new URL(page.url()).pathname, /^\/city\/Springfield\/US\//)
    await close()
  })

  test('none: a 404 page in the page’s language that helps', async () => {
    const { status, text, close } = await submit('/?lang=ru', 'Qwxzv', RUSSIAN)
    assert.equal(status, 404)
    assert.match(text, /Место не найдено/)
    assert.match(text, /Проверьте написание/)
    await close()
  })

  test('the field is a plain labelled search field with no combobox role', async () => {
    const { page, close } = await open('/', { javaScriptEnabled: false })
    assert.equal(await field(page).getAttribute('role'), null)
    assert.equal(await page.getByRole('searchbox', { name: 'Find a city' }).count(), 1)
    assert.equal(await page.getByRole('search', { name: 'Find a city' }).count(), 1)
    await close()
  })
})
