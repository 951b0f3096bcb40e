import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { MOSCOW_AT_FIXED_INSTANT } from '../fixtures.ts'
import { buildTestApp } from '../helpers.ts'

// time.now's developer API: worldtimeapi's object at time.now's paths (its clients read
// `datetime`, `unixtime` and `utc_datetime`). The clock is fixed at 2026-11-27T13:20:31.123456Z.
const app = buildTestApp()
after(() => app.close())

const get = (url: string) => app.inject(url)

describe('GET /developer/api/timezone/{zone}', () => {
  test("London: worldtimeapi's object, field for field", async () => {
    const res = await get('/developer/api/timezone/Europe/London')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/json')
    assert.equal(res.headers['access-control-allow-origin'], '*')
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.deepEqual(res.json(), {
      abbreviation: 'GMT',
      client_ip: '127.0.0.1',
      datetime: '2026-11-27T13:20:31.123456+00:00',
      day_of_week: 5,
      day_of_year: 331,
      dst: false,
      dst_from: null,
      dst_offset: 0,
      dst_until: null,
      raw_offset: 0,
      timezone: 'Europe/London',
      unixtime: 1795785631,
      utc_datetime: '2026-11-27T13:20:31.123456+00:00',
      utc_offset: '+00:00',
      week_number: 48,
    })
  })

  test("the same body as worldtimeapi's path gives, for one-, two- and three-part names", async () => {
    for (const zone of ['UTC', 'Europe/Moscow', 'America/Argentina/Salta', 'US/Eastern']) {
      const ours = await get(`/developer/api/timezone/${zone}`)
      assert.equal(ours.statusCode, 200, zone)
      assert.equal(ours.body, (await get(`/api/timezone/${zone}`)).body, zone)
    }
    assert.deepEqual(
      { client_ip: '127.0.0.1', ...MOSCOW_AT_FIXED_INSTANT },
      (await get('/developer/api/timezone/europe/moscow/')).json(),
    )
  })

  test('an area lists its zones; an unknown name is the JSON 404 worldtimeapi sends, readable cross-origin', async () => {
    const area = await get('/developer/api/timezone/Europe')
    assert.equal(area.body, (await get('/api/timezone/Europe')).body)
    const unknown = await get('/developer/api/timezone/Mars/Olympus_Mons')
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.body, '{"error":"unknown location"}')
    assert.equal(unknown.headers['access-control-allow-origin'], '*')
    // No text variant at time.now's paths.
    assert.equal((await get('/developer/api/timezone/Europe/London.txt')).statusCode, 404)
  })
})

describe('GET /developer/api/timezone and /developer/api/ip', () => {
  test('every zone, as /api/timezone lists them', async () => {
    const res = await get('/developer/api/timezone')
    assert.equal(res.statusCode, 200)
    assert.equal(res.body, (await get('/api/timezone')).body)
    assert.equal((await get('/developer/api/timezone/')).body, res.body)
  })

  test("the caller's address: loopback gets the fallback zone, as /api/ip", async () => {
    const res = await get('/developer/api/ip')
    assert.equal(res.statusCode, 200)
    assert.equal(res.body, (await get('/api/ip')).body)
    assert.equal(res.json().timezone, 'Europe/Moscow')
    const none = buildTestApp({ IP_FALLBACK_ZONE: 'none' })
    const unlocated = await none.inject('/developer/api/ip')
    assert.equal(unlocated.statusCode, 404)
    assert.equal(unlocated.body, '{"error":"unknown location"}')
    await none.close()
  })

  test('HEAD, preflights, and the gate as on every path: bodies refused, other methods 405', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/developer/api/timezone/UTC' })
    assert.equal(head.statusCode, 200)
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/developer/api/timezone/UTC',
      headers: { origin: 'https://example.test', 'access-control-request-method': 'GET' },
    })
    assert.equal(preflight.statusCode, 204)
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD')
    const post = await app.inject({ method: 'POST', url: '/developer/api/ip', payload: '{}' })
    assert.equal(post.statusCode, 405)
    assert.equal(post.headers['content-type'], 'application/json')
    const unknown = await get('/developer/api/nothing')
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.body, '{"error":"not found"}')
  })
})
