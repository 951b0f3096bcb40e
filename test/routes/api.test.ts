import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, describe, test } from 'node:test'
import { API_HEADERS, DOCUMENT_HEADERS } from '../../src/http/security-headers.ts'
import { MOSCOW_AT_FIXED_INSTANT } from '../fixtures.ts'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())

// client_ip is the second field on the wire, as worldtimeapi orders them.
const { abbreviation, ...rest } = MOSCOW_AT_FIXED_INSTANT
const MOSCOW = { abbreviation, client_ip: '127.0.0.1', ...rest }

describe('GET /api/timezone/{area}/{location}', () => {
  test('answers the worldtimeapi time object, fields in order', async () => {
    const res = await app.inject('/api/timezone/Europe/Moscow')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/json')
    assert.equal(res.body, JSON.stringify(MOSCOW))
  })

  test('carries CORS and no-store', async () => {
    const res = await app.inject('/api/timezone/Europe/Moscow')
    assert.equal(res.headers['access-control-allow-origin'], '*')
    assert.equal(res.headers['cache-control'], 'no-store')
  })

  test('.txt gives one key: value line per field in the same order', async () => {
    const res = await app.inject('/api/timezone/Europe/Moscow.txt')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    // No newline after the last line, as worldtimeapi.org sent it.
    const expected = Object.entries(MOSCOW)
      .map(([key, value]) => `${key}: ${value ?? ''}`)
      .join('\n')
    assert.equal(res.body, expected)
  })

  test('three-part zones answer', async () => {
    const res = await app.inject('/api/timezone/America/Argentina/Buenos_Aires')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().utc_offset, '-03:00')
    assert.equal(res.json().timezone, 'America/Argentina/Buenos_Aires')
  })

  test('aliases the runtime accepts answer under their own name', async () => {
    for (const [alias, offset] of [
      ['Europe/Kiev', '+02:00'],
      ['US/Eastern', '-05:00'],
      ['Asia/Calcutta', '+05:30'],
    ] as const) {
      const res = await app.inject(`/api/timezone/${alias}`)
      assert.equal(res.statusCode, 200, alias)
      assert.equal(res.json().timezone, alias)
      assert.equal(res.json().utc_offset, offset)
    }
  })

  test('names are matched without regard to case, and answered in their proper case', async () => {
    const res = await app.inject('/api/timezone/europe/MOSCOW')
    assert.equal(res.json().timezone, 'Europe/Moscow')
  })

  test('X-Forwarded-For is ignored unless TRUST_PROXY says so', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' }
    const plain = await app.inject({ url: '/api/timezone/UTC', headers })
    assert.equal(plain.json().client_ip, '127.0.0.1')
    const proxied = buildTestApp({ TRUST_PROXY: 'on' })
    const res = await proxied.inject({ url: '/api/timezone/UTC', headers })
    assert.equal(res.json().client_ip, '203.0.113.7')
    await proxied.close()
  })

  test('a trusted X-Forwarded-For that is no address is neither echoed nor logged', async () => {
    const lines: string[] = []
    const proxied = buildTestApp(
      { TRUST_PROXY: 'on' },
      { logStream: { write: (line) => lines.push(line) } },
    )
    const zoneId = `fe80::1%${'A'.repeat(12_000)}`
    for (const forged of ['<script>', 'not-an-ip', '999.1.1.1', '1.2.3.4 5.6.7.8', zoneId]) {
      const res = await proxied.inject({
        url: '/api/timezone/UTC',
        headers: { 'x-forwarded-for': forged },
      })
      assert.equal(res.json().client_ip, '127.0.0.1', forged)
    }
    const logged = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request')
    assert.equal(logged.length, 5)
    for (const entry of logged) assert.equal(entry.ip, '127.0.0.1')
    assert.ok(lines.every((line) => line.length < 1_000))
    await proxied.close()
  })

  test('a trusted forwarded address is echoed and logged in its canonical form', async () => {
    const lines: string[] = []
    const proxied = buildTestApp(
      { TRUST_PROXY: 'on' },
      { logStream: { write: (line) => lines.push(line) } },
    )
    const headers = { 'x-forwarded-for': '2001:0DB8:0:0::0001' }
    const res = await proxied.inject({ url: '/api/timezone/UTC', headers })
    assert.equal(res.json().client_ip, '2001:db8::1')
    const [entry] = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request')
    assert.equal(entry?.ip, '2001:db8::1')
    await proxied.close()
  })
})

describe('zone lists', () => {
  test('/api/timezone lists every zone, sorted, with the canonical names', async () => {
    const res = await app.inject('/api/timezone')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['access-control-allow-origin'], '*')
    const names: string[] = res.json()
    assert.ok(names.length > 400, `${names.length} zones`)
    assert.deepEqual(names, [...names].sort())
    for (const name of [
      'Europe/Moscow',
      'Europe/Kyiv',
      'Asia/Kolkata',
      'America/Argentina/Buenos_Aires',
    ]) {
      assert.ok(names.includes(name), name)
    }
    assert.ok(!names.includes('US/Eastern'), 'aliases answer but are not listed')
  })

  test('/api/timezone.txt is the same list, one a line', async () => {
    const json: string[] = (await app.inject('/api/timezone')).json()
    const res = await app.inject('/api/timezone.txt')
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(res.body, `${json.join('\n')}\n`)
  })

  test('/api/timezone/{area} lists the zones of that area only', async () => {
    const res = await app.inject('/api/timezone/Europe')
    const names: string[] = res.json()
    assert.ok(names.includes('Europe/Moscow'))
    assert.ok(names.every((name) => name.startsWith('Europe/')))
    const text = await app.inject('/api/timezone/Europe.txt')
    assert.equal(text.body, `${names.join('\n')}\n`)
  })

  test('a one-part zone such as UTC answers with the time', async () => {
    const res = await app.inject('/api/timezone/UTC')
    assert.equal(res.json().utc_datetime, '2026-11-27T13:20:31.123456+00:00')
    assert.equal(res.json().abbreviation, 'UTC')
  })
})

describe('unknown and hostile zone names', () => {
  const unknown = [
    '/api/timezone/Mars/Olympus_Mons',
    '/api/timezone/Narnia',
    '/api/timezone/Europe/Moscow/Kremlin',
    '/api/timezone/%00',
    '/api/timezone/Europe%2FMoscow%00',
    '/api/timezone/..%2F..%2Fetc%2Fpasswd',
    '/api/timezone/../../etc/passwd',
    `/api/timezone/${'A'.repeat(5000)}`,
    `/api/timezone/Europe/${'x'.repeat(5000)}`,
    '/api/timezone/Европа/Москва',
    `/api/timezone/${encodeURIComponent('Европа/Москва')}`,
    '/api/timezone/+03:00',
    '/api/timezone/Etc/GMT+99',
  ]
  for (const url of unknown) {
    test(`${url.slice(0, 60)} gets a 4xx error`, async () => {
      const res = await app.inject(url)
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode}`)
      // inject() resolves dot segments as any URL parser would, leaving /api/ for /etc/passwd.
      if (!url.includes('..')) assert.match(res.headers['content-type'] ?? '', /^application\/json/)
      assert.doesNotMatch(res.body, /at .*\.ts|node:internal|stack/i)
    })
  }

  test('an unknown zone is 404 {"error":"unknown location"}', async () => {
    const res = await app.inject('/api/timezone/Mars/Olympus_Mons')
    assert.equal(res.statusCode, 404)
    assert.equal(res.body, '{"error":"unknown location"}')
  })

  test('the text variant says Error: unknown location', async () => {
    const res = await app.inject('/api/timezone/Mars/Olympus_Mons.txt')
    assert.equal(res.statusCode, 404)
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(res.body, 'Error: unknown location')
  })

  test('bad percent-encoding is 400, not 5xx', async () => {
    for (const url of ['/api/timezone/%zz', '/api/timezone/Europe/%E0%A4%A', '/api/timezone/%']) {
      const res = await app.inject(url)
      assert.equal(res.statusCode, 400, url)
      assert.deepEqual(res.json(), { error: 'bad request' })
    }
  })
})

describe('methods and unknown paths', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
    test(`${method} is 405 with Allow: GET, HEAD`, async () => {
      const res = await app.inject({ method, url: '/api/timezone/Europe/Moscow' })
      assert.equal(res.statusCode, 405)
      assert.equal(res.headers.allow, 'GET, HEAD')
      assert.deepEqual(res.json(), { error: 'method not allowed' })
      assert.equal(res.headers['access-control-allow-origin'], '*')
    })
  }

  test('405 outside the API is an HTML page', async () => {
    const res = await app.inject({ method: 'POST', url: '/' })
    assert.equal(res.statusCode, 405)
    assert.equal(res.headers.allow, 'GET, HEAD')
    assert.match(res.headers['content-type'] ?? '', /^text\/html/)
  })

  test('a CORS preflight to the API is answered', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/api/timezone/Europe/Moscow',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    })
    assert.equal(res.statusCode, 204)
    assert.equal(res.headers['access-control-allow-origin'], '*')
    assert.equal(res.headers['access-control-allow-methods'], 'GET, HEAD')
  })

  test('HEAD answers the headers of GET without a body', async () => {
    const get = await app.inject('/api/timezone/Europe/Moscow')
    const head = await app.inject({ method: 'HEAD', url: '/api/timezone/Europe/Moscow' })
    assert.equal(head.statusCode, 200)
    assert.equal(head.body, '')
    assert.equal(head.headers['content-type'], get.headers['content-type'])
    assert.equal(head.headers['content-length'], get.headers['content-length'])
  })

  test('unknown paths are 404: JSON under /api/, HTML elsewhere', async () => {
    const api = await app.inject('/api/nothing')
    assert.equal(api.statusCode, 404)
    assert.deepEqual(api.json(), { error: 'not found' })
    assert.equal(
      api.headers['access-control-allow-origin'],
      '*',
      'API errors are readable cross-origin',
    )
    const page = await app.inject('/nothing')
    assert.equal(page.statusCode, 404)
    assert.match(page.headers['content-type'] ?? '', /^text\/html/)
    assert.match(page.body, /<h1>Not found<\/h1>/)
  })

  test('each kind of answer carries its own security headers, errors too', async () => {
    const document = Object.entries(DOCUMENT_HEADERS)
    const api = Object.entries(API_HEADERS)
    const pages = [
      await app.inject('/'),
      await app.inject('/nothing'),
      await app.inject({ method: 'DELETE', url: '/' }),
    ]
    const answers = [
      await app.inject('/api/timezone/Europe/Moscow'),
      await app.inject('/api/timezone/Mars/Base'),
      await app.inject({ method: 'DELETE', url: '/api/timezone/UTC' }),
      await app.inject('/developer/api/timezone/UTC'),
    ]
    for (const res of pages)
      for (const [name, value] of document) assert.equal(res.headers[name], value, name)
    for (const res of answers) {
      for (const [name, value] of api) assert.equal(res.headers[name], value, name)
      // Only what an API needs: none of a document's own.
      assert.equal(res.headers['referrer-policy'], undefined)
      assert.equal(res.headers['cross-origin-opener-policy'], undefined)
      assert.equal(res.headers['x-frame-options'], undefined)
    }
  })
})

describe('operations', () => {
  test('/healthz is 200 and names the tzdb release served', async () => {
    const res = await app.inject('/healthz')
    assert.equal(res.statusCode, 200)
    const version = readFileSync(new URL('../../data/tzdb/tzdata.zi', import.meta.url), 'utf8')
      .split('\n', 1)[0]
      ?.replace('# version ', '')
    assert.match(version ?? '', /^\d{4}[a-z]$/)
    assert.deepEqual(res.json(), { status: 'ok', tzdb: version })
  })

  test('/readyz follows the lifecycle', async () => {
    const lifecycle = { ready: true }
    const local = buildTestApp({}, { lifecycle })
    assert.equal((await local.inject('/readyz')).statusCode, 200)
    lifecycle.ready = false
    const res = await local.inject('/readyz')
    assert.equal(res.statusCode, 503)
    assert.deepEqual(res.json(), { status: 'shutting down' })
    assert.equal((await local.inject('/healthz')).statusCode, 200)
    await local.close()
  })

  test('logs one JSON line per request, probes excepted', async () => {
    const lines: string[] = []
    const local = buildTestApp({}, { logStream: { write: (line) => lines.push(line) } })
    await local.inject('/api/timezone/Europe/Moscow')
    await local.inject('/nothing')
    // Probes are counted in the metrics, not logged.
    await local.inject('/healthz')
    await local.inject('/readyz')
    const requests = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'request')
    assert.deepEqual(
      requests.map(({ method, url, status }) => ({ method, url, status })),
      [
        { method: 'GET', url: '/api/timezone/Europe/Moscow', status: 200 },
        { method: 'GET', url: '/nothing', status: 404 },
      ],
    )
    assert.equal(lines.length, requests.length)
    await local.close()
  })
})
