import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { plain } from '../fixtures.ts'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })
const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')

describe('a clock page for every place', () => {
  test('/city/Kazan?lang=ru: «Казань», Europe/Moscow’s time, its region and country, its sun', async () => {
    const res = await get('/city/Kazan?lang=ru')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-language'], 'ru')
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.match(res.body, /<title>Точное время в Казани<\/title>/)
    assert.match(res.body, /data-api="\/api\/timezone\/Europe\/Moscow"/)
    // The fixed clock is 2026-11-27T13:20:31Z: 16:20 in Kazan, on Moscow time.
    assert.match(res.body, /datetime="2026-11-27T16:20:31\+03:00"/)
    assert.match(
      res.body,
      /<p class="where">Татарстан, <a href="\/country\/RU\?lang=ru">Россия<\/a>/,
    )
    const text = textOf(res.body)
    assert.match(text, /UTC\+3 круглый год/)
    assert.match(text, /Восход 07:42 · закат 15:22/)
  })

  test('Accept-Language chooses the language, as on every page', async () => {
    const res = await get('/city/Kazan', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })
    assert.match(res.body, /<h1>Время в Казани<\/h1>/)
    assert.equal(res.headers.vary, 'accept-language')
  })

  test('variants, other cases and other names answer 301 to the canonical path', async () => {
    for (const [asked, canonical] of [
      ['/city/kazan', '/city/Kazan'],
      ['/city/KAZAN?lang=ru', '/city/Kazan?lang=ru'],
      ['/city/Kazan/', '/city/Kazan'],
      ['/city/Kiev', '/city/Kyiv'],
      [`/city/${encodeURIComponent('Казань')}`, '/city/Kazan'],
      ['/city/springfield/us/illinois', '/city/Springfield/US/Illinois'],
      ['/city/springfield', '/city/Springfield'],
      ['/city/kazan?lang=de&x=%0d%0aSet-Cookie:a', '/city/Kazan'],
    ] as const) {
      const res = await get(asked)
      assert.equal(res.statusCode, 301, asked)
      assert.equal(res.headers.location, canonical, asked)
    }
  })

  test('/city/Springfield lists its places, each with region, country and people, linking its page', async () => {
    const res = await get('/city/Springfield')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1>Places named Springfield<\/h1>/)
    const links = [
      ...res.body.matchAll(
        /<li><a href="(\/city\/Springfield\/[^"]+)">Springfield<\/a> <span>([^<]+)</g,
      ),
    ]
    assert.ok(links.length >= 10, `${links.length} Springfields`)
    const people = links.map(([, , detail]) =>
      Number(/· ([\d,]+)$/.exec(detail ?? '')?.[1]?.replaceAll(',', '')),
    )
    assert.deepEqual(
      people,
      [...people].sort((a, b) => b - a),
      'largest first',
    )
    assert.ok(
      links.some(
        ([, href, detail]) =>
          href === '/city/Springfield/US/Illinois' &&
          /^Illinois, United States · /.test(detail ?? ''),
      ),
    )
    for (const [, href] of links.slice(0, 3))
      assert.equal((await get(href ?? '')).statusCode, 200, String(href))
  })

  test('no such place: the HTML 404, with the search form; broken bytes a 400', async () => {
    for (const path of [
      '/city/Qwxzv_Nowhere',
      '/city/',
      `/city/${'a'.repeat(400)}`,
      '/city/Kazan/XX',
      '/city/%00',
    ]) {
      const res = await get(path)
      assert.equal(res.statusCode, 404, path)
      assert.match(res.body, /<form id="search"/, path)
    }
    for (const path of ['/city/%FF', '/city/%E0%A4%A', '/city/Ka%zan']) {
      assert.equal((await get(path)).statusCode, 400, path)
    }
  })
})

describe('a country’s page', () => {
  test('/country/RU: Russia’s places by population, Moscow first, then Saint Petersburg', async () => {
    const res = await get('/country/RU')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1>Russia: time in every place<\/h1>/)
    const names = [...res.body.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])
    assert.equal(names.length, 500)
    assert.deepEqual(names.slice(0, 2), ['Moscow', 'Saint Petersburg'])
    assert.match(textOf(res.body), /Places 1–500 of [\d,]+/)
    assert.match(res.body, /<a href="\/country\/RU\/2">2<\/a>/)
  })

  test('in Russian, and its further pages', async () => {
    const res = await get('/country/RU/2?lang=ru')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1>Россия: время в каждом населённом пункте<\/h1>/)
    assert.match(res.body, /<ol class="places" start="501">/)
    assert.match(res.body, /<a href="\/country\/RU\/2\?lang=ru" aria-current="page">2<\/a>/)
  })

  test('other cases and page 1 answer 301; unknown codes and pages 404', async () => {
    for (const [asked, canonical] of [
      ['/country/ru', '/country/RU'],
      ['/country/RU/1', '/country/RU'],
      ['/country/us/2?lang=ru', '/country/US/2?lang=ru'],
    ] as const) {
      const res = await get(asked)
      assert.equal(res.statusCode, 301, asked)
      assert.equal(res.headers.location, canonical)
    }
    for (const path of [
      '/country/XX',
      '/country/RUS',
      '/country/RU/0',
      '/country/RU/999',
      '/country/RU/02',
      '/country/%00',
      '/country/RU/x',
    ]) {
      assert.equal((await get(path)).statusCode, 404, path)
    }
  })
})

describe('the issue’s checks', () => {
  test('q=Springfield: several, the largest first; its page answers 200 and names the city', async () => {
    const places = (await get('/api/places?q=Springfield')).json() as Array<{
      name: string
      population: number
      page: string
    }>
    assert.ok(places.length > 1)
    assert.deepEqual(
      places.map((p) => p.population),
      places.map((p) => p.population).sort((a, b) => b - a),
    )
    const [first] = places
    const page = await get(first?.page ?? '')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<title>Exact time in Springfield<\/title>/)
  })

  test('every page an API answer links answers 200', async () => {
    for (const q of ['Kazan', 'Moscow', 'London', 'Санкт-Петербург', 'Sao Paulo', 'Portland']) {
      const places = (await get(`/api/places?q=${encodeURIComponent(q)}&limit=5`)).json() as Array<{
        page: string
      }>
      for (const { page } of places)
        assert.equal((await get(page)).statusCode, 200, `${q}: ${page}`)
    }
  })
})
