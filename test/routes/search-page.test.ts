import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { exchange, onlyResponse, startServer } from '../faults/server.ts'
import { plain } from '../fixtures.ts'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })
const search = (q: string, rest = '') => get(`/search?q=${encodeURIComponent(q)}${rest}`)
const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')

describe('GET /search without the script', () => {
  test('the place a query means: 302 to its page', async () => {
    for (const [q, page] of [
      ['Kazan', '/city/Kazan'],
      ['казань', '/city/Kazan'],
      ['Kiev', '/city/Kyiv'],
      // Several places bear the name; one is at least five times the next: it owns the name.
      ['Moscow', '/city/Moscow'],
      ['St Petersburg', '/city/Saint_Petersburg'],
      ['Nizhny Novgorod', '/city/Nizhniy_Novgorod'],
    ] as const) {
      const res = await search(q)
      assert.equal(res.statusCode, 302, q)
      assert.equal(res.headers.location, page, q)
    }
  })

  test('the form’s lang survives the redirect', async () => {
    const res = await search('Казань', '&lang=ru')
    assert.equal(res.headers.location, '/city/Kazan?lang=ru')
  })

  test('q=Springfield: a page of places, the largest first, each linking its page', async () => {
    const res = await search('Springfield')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.match(res.body, /<title>Search: Springfield<\/title>/)
    assert.match(res.body, /<input id="q" name="q" type="search"[^>]* value="Springfield">/)
    const rows = [
      ...res.body.matchAll(
        /<li><a href="(\/city\/Springfield\/[^"]+)">Springfield<\/a> <span>[^<]* · ([\d,]+)<\/span>/g,
      ),
    ]
    assert.ok(rows.length > 5, `${rows.length} rows`)
    const people = rows.map(([, , n]) => Number(n?.replaceAll(',', '')))
    assert.deepEqual(
      people,
      [...people].sort((a, b) => b - a),
    )
    const first = await get(rows[0]?.[1] ?? '')
    assert.equal(first.statusCode, 200)
    assert.match(first.body, /<h1>Time in Springfield<\/h1>/)
  })

  test('in Russian, by ?lang= or Accept-Language', async () => {
    for (const res of [
      await search('Springfield', '&lang=ru'),
      await get('/search?q=Springfield', { 'accept-language': 'ru' }),
    ]) {
      assert.equal(res.headers['content-language'], 'ru')
      // The count's own plural: 1 and 31 населённый пункт, 2 населённых пункта, 5 пунктов.
      const [, count = '', noun = ''] = /Найдено: (\d+) (\S+ \S+?);/.exec(textOf(res.body)) ?? []
      const form = new Intl.PluralRules('ru').select(Number(count))
      const expected = { one: 'населённый пункт', few: 'населённых пункта' }[form as string]
      assert.equal(noun, expected ?? 'населённых пунктов', `${count} ${noun}`)
    }
  })

  test('a prefix that many places begin: the best 50, and how to narrow them', async () => {
    // "Ber" is also one of Veroia's names, but Berlin, larger, begins with it: a list, no jump.
    const res = await search('ber')
    assert.equal(res.statusCode, 200)
    assert.equal([...res.body.matchAll(/<li><a href="\/city\//g)].length, 50)
    assert.match(textOf(res.body), /Only the best 50 are shown/)
  })

  test('no place: a 404 that suggests checking the spelling and links the index', async () => {
    for (const [headers, words, link] of [
      [{}, /Check the spelling/, '<a href="/cities">'],
      [{ 'accept-language': 'ru' }, /Проверьте написание/, '<a href="/cities?lang=ru">'],
    ] as const) {
      const res = await get('/search?q=Qwxzv', headers)
      assert.equal(res.statusCode, 404)
      assert.match(res.headers['content-type'] ?? '', /^text\/html/)
      assert.match(textOf(res.body), words)
      assert.ok(res.body.includes(link))
    }
  })

  test('q empty, missing, blank, over 100 characters or given twice: a 400 page in the page’s language', async () => {
    for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(101)}`, '?q=a&q=b', '?lang=ru']) {
      const res = await get(`/search${query}`)
      assert.equal(res.statusCode, 400, query)
      assert.match(textOf(res.body), /1 to 100 characters|от 1 до 100 символов/, query)
      assert.doesNotMatch(res.body, /aaaaaaaaaa/, 'nothing of the query echoed')
    }
    const russian = await get('/search?q=', { 'accept-language': 'ru' })
    assert.match(russian.body, /<h1>Введите название места<\/h1>/)
    assert.equal((await search('a'.repeat(100))).statusCode, 404, '100 characters are taken')
  })

  test('any bytes: an answer or a clear 4xx, never a 5xx, and markup never echoed', async () => {
    for (const query of [
      '?q=%00',
      '?q=Ka%00zan',
      '?q=%E0%A4%A',
      '?q=%FF%FE',
      '?q=%',
      '?q=%C3%28',
      `?q=${'x'.repeat(5000)}`,
      `?q=${'%D0%96'.repeat(2500)}`,
      '?q=Kazan&q=Moscow&q=Paris',
      '?q[]=Kazan',
      '?q=%3Cscript%3Ealert(1)%3C/script%3E',
      '?q=Kazan&lang=%00',
      '?q=Kazan&lang=ru&lang=en',
    ]) {
      const res = await get(`/search${query}`)
      assert.ok(res.statusCode < 500, `${query}: ${res.statusCode}`)
      assert.ok([200, 302, 400, 404].includes(res.statusCode), `${query}: ${res.statusCode}`)
      assert.doesNotMatch(res.body, /<script>alert/, query)
      assert.ok(!res.body.includes('\u0000'), query)
    }
  })
})

describe('GET /search over a real socket', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  before(async () => {
    server = await startServer()
  })
  after(() => server.app.close())

  test('raw bytes in q get an answer or a 4xx, and the query is never logged', async () => {
    for (const target of [
      '/search?q=%00',
      '/search?q=%E0%A4%A',
      `/search?q=${'A'.repeat(5000)}`,
      '/search?q=a&q=b',
      `/search?q=${Buffer.from('Казань').toString('latin1')}`,
      '/search?q=secret-query-value',
    ]) {
      const { text } = await exchange(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      )
      const { status } = onlyResponse(text)
      assert.ok(status >= 200 && status < 500, `${target.slice(0, 40)}: ${status}`)
    }
    const logged = server
      .logs()
      .map((line) => JSON.stringify(line))
      .join('\n')
    assert.doesNotMatch(logged, /secret-query-value/)
    assert.doesNotMatch(logged, /AAAAAAAAAA/)
  })
})
