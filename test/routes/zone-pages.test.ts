import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { plain } from '../fixtures.ts'
import { buildTestApp, zones } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())

const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')

describe('a page for every zone', () => {
  test('/Asia/Tokyo?lang=ru shows Tokyo, in Russian, at Tokyo time', async () => {
    const res = await app.inject('/Asia/Tokyo?lang=ru')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-language'], 'ru')
    assert.match(res.body, /<title>Точное время в Токио<\/title>/)
    assert.match(res.body, /<h1>[^<]*Токио[^<]*<\/h1>/)
    // The fixed clock is 2026-11-27T13:20:31Z: 22:20 in Tokyo.
    assert.match(res.body, /datetime="2026-11-27T22:20:31\+09:00"/)
    assert.match(textOf(res.body), /UTC\+9 круглый год/)
  })

  test('/America/Argentina/Buenos_Aires, three parts', async () => {
    const res = await app.inject('/America/Argentina/Buenos_Aires')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<title>Exact time in Buenos Aires<\/title>/)
  })

  test('every listed zone has its page', async () => {
    for (const zone of zones.names) {
      const res = await app.inject(`/${zone}`)
      assert.equal(res.statusCode, 200, zone)
      assert.match(res.body, /<time id="time"/, zone)
    }
  })

  test('/ stays the page of TIME_ZONE', async () => {
    const tokyo = buildTestApp({ TIME_ZONE: 'Asia/Tokyo' })
    const res = await tokyo.inject('/')
    assert.match(res.body, /datetime="2026-11-27T22:20:31\+09:00"/)
    await tokyo.close()
  })
})

describe('canonical paths', () => {
  for (const [asked, canonical] of [
    ['/europe/london', '/Europe/London'],
    ['/EUROPE/LONDON', '/Europe/London'],
    ['/Europe/Belfast', '/Europe/London'],
    ['/US/Eastern', '/America/New_York'],
    ['/Europe/Kiev', '/Europe/Kyiv'],
    ['/utc', '/Etc/UTC'],
  ] as const) {
    test(`${asked} answers 301 to ${canonical}`, async () => {
      const res = await app.inject(asked)
      assert.equal(res.statusCode, 301)
      assert.equal(res.headers.location, canonical)
    })
  }

  test('the language survives the redirect, nothing else does', async () => {
    const res = await app.inject('/asia/tokyo?lang=ru&x=%0d%0aSet-Cookie:a')
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, '/Asia/Tokyo?lang=ru')
  })

  test('an unknown zone is an HTML 404 that links to the index', async () => {
    for (const path of ['/Mars/Olympus_Mons', '/nowhere', `/${'a'.repeat(300)}`, '/Factory']) {
      const res = await app.inject(path)
      assert.equal(res.statusCode, 404, path)
      assert.match(res.headers['content-type'] ?? '', /^text\/html/)
      assert.match(res.body, /<a href="\/cities">/)
    }
  })

  test('unknown API paths keep their JSON 404', async () => {
    const res = await app.inject('/api/nothing/here')
    assert.equal(res.statusCode, 404)
    assert.deepEqual(res.json(), { error: 'not found' })
  })
})

describe('the city index', () => {
  test('lists every zone, grouped by area, then every country, in both languages', async () => {
    for (const [language, heading, tokyo, countries, russia] of [
      ['en', 'Asia', 'Tokyo', 'Countries', 'Russia'],
      ['ru', 'Азия', 'Токио', 'Страны', 'Россия'],
    ] as const) {
      const res = await app.inject(`/cities?lang=${language}`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, new RegExp(`<h2>${heading}</h2>`))
      assert.match(res.body, new RegExp(`<a href="/Asia/Tokyo[^"]*">${tokyo}</a>`))
      const [zonePart = '', countryPart = ''] = res.body.split('<section id="countries">')
      const links = [...zonePart.matchAll(/<li><a href="\/([^"?]+)/g)].map((m) => m[1])
      assert.deepEqual(new Set(links), new Set(zones.names))
      // Every country's page, by its name in the page's language.
      assert.match(countryPart, new RegExp(`<h2>${countries}</h2>`))
      assert.match(countryPart, new RegExp(`<a href="/country/RU[^"]*">${russia}</a>`))
      const codes = [...countryPart.matchAll(/<a href="\/country\/([A-Z]{2})/g)].map((m) => m[1])
      assert.ok(codes.length > 200, `${codes.length} countries`)
      assert.equal(new Set(codes).size, codes.length)
    }
  })
})

describe('the error page, in the page’s language and for the configured zone', () => {
  test('a Russian browser gets a Russian 404 page', async () => {
    const res = await app.inject({ url: '/nowhere', headers: { 'accept-language': 'ru' } })
    assert.equal(res.statusCode, 404)
    assert.equal(res.headers['content-language'], 'ru')
    assert.match(res.body, /<html lang="ru">/)
    assert.match(res.body, /<h1>Страница не найдена<\/h1>/)
    assert.match(res.body, /Время в Москве/)
  })

  test('a TIME_ZONE=Asia/Tokyo server’s 404 page links Tokyo, not Moscow', async () => {
    const tokyo = buildTestApp({ TIME_ZONE: 'Asia/Tokyo' })
    const res = await tokyo.inject('/Mars/Olympus_Mons')
    await tokyo.close()
    assert.equal(res.statusCode, 404)
    assert.match(res.body, /<a href="\/">Time in Tokyo<\/a>/)
    assert.doesNotMatch(res.body, /Moscow/)
  })

  test('the gate’s and the router’s errors too: a 405 and a malformed path', async () => {
    const refused = await app.inject({ method: 'DELETE', url: '/?lang=ru' })
    assert.equal(refused.statusCode, 405)
    assert.match(refused.body, /<h1>Метод не поддерживается<\/h1>/)
    const malformed = await app.inject({ url: '/%E0%A4%A', headers: { 'accept-language': 'ru' } })
    assert.equal(malformed.statusCode, 400)
    assert.match(malformed.body, /<h1>Неверный запрос<\/h1>/)
  })

  test('API errors keep their JSON, whatever the language', async () => {
    const res = await app.inject({ url: '/api/nothing', headers: { 'accept-language': 'ru' } })
    assert.deepEqual(res.json(), { error: 'not found' })
  })
})
