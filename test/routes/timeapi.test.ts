import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { canonicalUrl, TIMEAPI_ROUTES } from '../../src/http/api-contract.ts'
import { buildTestApp, zones } from '../helpers.ts'

// timeapi.io's GET routes, its paths in any case, and how they sit beside worldtimeapi's. The
// clock is fixed at 2026-11-27T13:20:31.123456Z (tests/fixtures.ts): November, so Madrid is out of
// DST and Sydney in it.
const app = buildTestApp()
after(() => app.close())

const get = (url: string) => app.inject(url)
const json = async (url: string) => {
  const res = await get(url)
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`)
  return res.json()
}

describe('GET /api/Time/current/zone', () => {
  test("Moscow's 13 fields in timeapi.io's order", async () => {
    const res = await get('/api/time/current/zone?timeZone=Europe/Moscow')
    assert.equal(
      res.body,
      '{"year":2026,"month":11,"day":27,"hour":16,"minute":20,"seconds":31,"milliSeconds":123,"dateTime":"2026-11-27T16:20:31.123456","date":"11/27/2026","time":"16:20","timeZone":"Europe/Moscow","dayOfWeek":"Friday","dstActive":false}',
    )
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8')
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.equal(res.headers['access-control-allow-origin'], '*')
  })

  test('the path in any case, with or without a trailing slash, answers the same', async () => {
    const reference = (await get('/api/Time/current/zone?timeZone=Europe/Moscow')).body
    for (const path of [
      '/api/time/current/zone',
      '/API/TIME/CURRENT/ZONE',
      '/api/Time/Current/Zone/',
    ])
      assert.equal((await get(`${path}?timeZone=Europe/Moscow`)).body, reference, path)
  })

  test("the parameter's name in any case, the zone in any case, %2F, a link under its own name", async () => {
    assert.equal(
      (await json('/api/Time/current/zone?timezone=Europe/Moscow')).timeZone,
      'Europe/Moscow',
    )
    assert.equal(
      (await json('/api/Time/current/zone?TIMEZONE=europe%2Fmoscow')).timeZone,
      'Europe/Moscow',
    )
    assert.equal((await json('/api/Time/current/zone?timeZone=utc')).timeZone, 'UTC')
    const eastern = await json('/api/Time/current/zone?timeZone=US/Eastern')
    assert.equal(eastern.timeZone, 'US/Eastern')
    assert.equal(eastern.hour, 8)
  })

  test('a parameter given twice: the first, as ASP.NET binds it', async () => {
    const body = await json('/api/Time/current/zone?timeZone=Asia/Tokyo&timeZone=Europe/Moscow')
    assert.equal(body.timeZone, 'Asia/Tokyo')
  })

  test('an unknown zone is a 400 sentence; a missing one, problem details naming it', async () => {
    const unknown = await get('/api/Time/current/zone?timeZone=Mars/Olympus_Mons')
    assert.equal(unknown.statusCode, 400)
    assert.equal(unknown.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(unknown.body, 'Invalid Timezone.')
    assert.equal(unknown.headers['access-control-allow-origin'], '*')
    for (const url of [
      '/api/Time/current/zone',
      '/api/Time/current/zone?zone=Europe/Moscow',
      '/api/Time/current/zone?timeZone=',
    ]) {
      const missing = await get(url)
      assert.equal(missing.statusCode, 400, url)
      assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.deepEqual(missing.json(), {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { timeZone: ['The timeZone field is required.'] },
      })
    }
  })

  test('HEAD answers the headers alone', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/api/Time/current/zone?timeZone=UTC' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.body, '')
  })
})

describe('GET /api/Time/current/ip and /coordinate', () => {
  test('an address answers its zone; IPv6 too; one with no location the fallback zone', async () => {
    assert.equal((await json('/api/Time/current/ip?ipAddress=77.88.8.8')).timeZone, 'Europe/Moscow')
    assert.equal(
      (await json('/api/time/current/ip?ipaddress=2a02:6b8::feed:0ff')).timeZone,
      'Europe/Moscow',
    )
    assert.equal((await json('/api/Time/current/ip?ipAddress=10.1.2.3')).timeZone, 'Europe/Moscow')
    const tokyo = buildTestApp({ IP_FALLBACK_ZONE: 'Asia/Tokyo' })
    assert.equal(
      (await tokyo.inject('/api/Time/current/ip?ipAddress=10.1.2.3')).json().timeZone,
      'Asia/Tokyo',
    )
    await tokyo.close()
  })

  test('a malformed address is a 400 sentence; with IP_FALLBACK_ZONE=none an unlocated one too', async () => {
    const bad = await get('/api/Time/current/ip?ipAddress=999.1.1.1')
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.body, 'Invalid IP address.')
    const none = buildTestApp({ IP_FALLBACK_ZONE: 'none' })
    const unlocated = await none.inject('/api/Time/current/ip?ipAddress=10.1.2.3')
    assert.equal(unlocated.statusCode, 400)
    assert.equal(unlocated.body, 'No time zone is known for this IP address.')
    await none.close()
  })

  test('coordinates answer the zone there; at sea the nautical zone; off the globe a 400', async () => {
    const washington = await json('/api/Time/current/coordinate?latitude=38.9&longitude=-77.03')
    assert.equal(washington.timeZone, 'America/New_York')
    // Off Cape Town: UTC+1 is Etc/GMT-1 (POSIX's sign).
    assert.equal(
      (await json('/api/time/current/coordinate?latitude=-34.5&longitude=17')).timeZone,
      'Etc/GMT-1',
    )
    assert.equal(
      (await json('/api/time/current/coordinate?Latitude=55.7558&Longitude=37.6173')).timeZone,
      'Europe/Moscow',
    )
    const off = await get('/api/Time/current/coordinate?latitude=91&longitude=0')
    assert.equal(off.statusCode, 400)
    assert.match(off.body, /^Invalid coordinates/)
  })

  test('a tzdb link from the shapes comes in the registry spelling', async () => {
    // Bratislava: geo-tz names it Europe/Bratislava, a link to Europe/Prague.
    assert.equal(
      (await json('/api/TimeZone/coordinate?latitude=48.1486&longitude=17.1077')).timeZone,
      'Europe/Bratislava',
    )
  })

  test('a coordinate that is no number, or none: problem details naming it', async () => {
    const words = await get('/api/Time/current/coordinate?latitude=north&longitude=0')
    assert.equal(words.statusCode, 400)
    assert.deepEqual(words.json().errors, { latitude: ['The value is not a valid number.'] })
    const missing = await get('/api/Time/current/coordinate?latitude=1')
    assert.deepEqual(missing.json().errors, { longitude: ['The longitude field is required.'] })
  })
})

describe('GET /api/TimeZone/...', () => {
  test('a zone without DST: offsets in four units, dstInterval null', async () => {
    const body = await json('/api/TimeZone/zone?timeZone=Europe/Moscow')
    assert.equal(body.currentLocalTime, '2026-11-27T16:20:31.123456')
    assert.deepEqual(body.currentUtcOffset, {
      seconds: 10800,
      milliseconds: 10800000,
      ticks: 108000000000,
      nanoseconds: 10800000000000,
    })
    assert.equal(body.hasDayLightSaving, false)
    assert.equal(body.dstInterval, null)
  })

  test('a DST zone out of season: hasDayLightSaving, not active, and the next summer', async () => {
    const body = await json('/api/timezone/zone?timeZone=Europe/Madrid')
    assert.equal(body.hasDayLightSaving, true)
    assert.equal(body.isDayLightSavingActive, false)
    assert.equal(body.currentUtcOffset.seconds, 3600)
    assert.equal(body.standardUtcOffset.seconds, 3600)
    assert.equal(body.dstInterval.dstName, 'CEST')
    assert.equal(body.dstInterval.dstStart, '2027-03-28T01:00:00Z')
    assert.equal(body.dstInterval.dstEnd, '2027-10-31T01:00:00Z')
    assert.equal(body.dstInterval.dstDuration.totalHours, 24 * 217)
  })

  test('a southern DST zone in season: the current interval, negative offsets west', async () => {
    const sydney = await json('/api/TimeZone/zone?timeZone=Australia/Sydney')
    assert.equal(sydney.isDayLightSavingActive, true)
    assert.equal(sydney.dstInterval.dstStart, '2026-10-03T16:00:00Z')
    assert.equal(sydney.dstInterval.dstEnd, '2027-04-03T16:00:00Z')
    const santiago = await json('/api/TimeZone/zone?timeZone=America/Santiago')
    assert.equal(santiago.currentUtcOffset.nanoseconds, -10800000000000)
    assert.equal(santiago.standardUtcOffset.seconds, -14400)
  })

  test('/ip and /coordinate answer the same object as /zone', async () => {
    const moscow = await json('/api/TimeZone/zone?timeZone=Europe/Moscow')
    assert.deepEqual(await json('/api/TimeZone/ip?ipAddress=77.88.8.8'), moscow)
    assert.deepEqual(
      await json('/api/timezone/coordinate?latitude=55.7558&longitude=37.6173'),
      moscow,
    )
  })

  test('AvailableTimeZones: every zone and link, sorted, each answered by /zone under its own name', async () => {
    const names = (await json('/api/TimeZone/AvailableTimeZones')) as string[]
    assert.ok(names.length > 550, `${names.length} names`)
    assert.deepEqual([...names].sort(), names)
    for (const name of ['Europe/Moscow', 'UTC', 'US/Eastern', 'Europe/Kiev', 'Etc/GMT-14'])
      assert.ok(names.includes(name), name)
    assert.ok(!names.includes('Factory'))
    for (const name of names)
      assert.equal(
        (await json(`/api/TimeZone/zone?timeZone=${encodeURIComponent(name)}`)).timeZone,
        name,
      )
  })
})

describe('canonicalUrl, before routing', () => {
  test("timeapi.io's paths in any case become its own; the slash, the rest and the query stay", () => {
    for (const [url, canonical] of [
      ['/api/time/current/zone?timeZone=UTC&x=Y', '/api/Time/current/zone?timeZone=UTC&x=Y'],
      ['/API/TIMEZONE/AVAILABLETIMEZONES/', '/api/TimeZone/AvailableTimeZones/'],
      [
        '/api/conversion/dayoftheweek/2021-03-14?a=b',
        '/api/Conversion/DayOfTheWeek/2021-03-14?a=b',
      ],
      ['/api/calculation/CUSTOM/decrement', '/api/Calculation/custom/decrement'],
      ['/api/health/check', '/api/health/check'],
    ] as const)
      assert.equal(canonicalUrl(url), canonical, url)
  })

  test('every other URL is left as it is', () => {
    for (const url of [
      '/',
      '/api/timezone/Europe/Moscow',
      '/api/timezone/Europe',
      '/api/timezone/zone/extra',
      '/api/time/current/zonex',
      '/api/conversion/dayoftheweek',
      '/Asia/Tokyo',
      '/cities',
      'http://host/api/time/current/zone',
      `/api/timezone/${'İ'.repeat(9)}`,
    ])
      assert.equal(canonicalUrl(url), url, url)
  })
})

describe('beside worldtimeapi: /api/timezone/ in lower case is both APIs', () => {
  test("timeapi.io's four names there are no zone and no area, so worldtimeapi loses nothing", () => {
    for (const name of ['zone', 'ip', 'coordinate', 'AvailableTimeZones']) {
      assert.equal(zones.resolve(name), undefined, name)
      assert.equal(zones.inArea(name), undefined, name)
    }
  })

  test("/api/timezone/Europe/Moscow stays worldtimeapi's, /api/timezone/zone is timeapi.io's", async () => {
    assert.equal((await json('/api/timezone/Europe/Moscow')).utc_offset, '+03:00')
    assert.equal((await json('/api/timezone/UTC')).timezone, 'UTC')
    assert.ok(Array.isArray(await json('/api/timezone')))
    assert.ok(Array.isArray(await json('/api/timezone/Europe')))
    assert.equal((await json('/api/timezone/zone?timeZone=UTC')).timeZone, 'UTC')
    assert.ok(Array.isArray(await json('/api/timezone/availabletimezones')))
    // worldtimeapi's paths keep their case: a capital T is no zone of its.
    assert.equal((await get('/api/TimeZone/Europe/Moscow')).statusCode, 404)
  })
})

describe('the rest of the GET routes', () => {
  test('DayOfTheWeek and DayOfTheYear of a date, in any case', async () => {
    assert.deepEqual(await json('/api/Conversion/DayOfTheWeek/2021-03-14'), { dayOfWeek: 'Sunday' })
    assert.deepEqual(await json('/api/conversion/dayoftheyear/2021-03-14'), {
      date: '2021-03-14',
      day: 73,
    })
    assert.equal((await json('/api/Conversion/DayOfTheYear/2024-12-31')).day, 366)
    for (const bad of ['2021-02-30', '14-03-2021', '2021-3-14', '0000-01-01', 'x'.repeat(90)]) {
      const res = await get(`/api/Conversion/DayOfTheWeek/${bad}`)
      assert.equal(res.statusCode, 400, bad)
      assert.equal(res.body, 'Invalid date format.')
    }
  })

  test('/api/health/check answers Healthy, as ASP.NET health checks do', async () => {
    const res = await get('/api/Health/Check')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(res.body, 'Healthy')
  })

  test('every GET route answers cross-origin, and its unknown neighbours are JSON 404s', async () => {
    for (const route of Object.values(TIMEAPI_ROUTES)) {
      const res = await get(route.replace(':date', '2021-03-14'))
      assert.equal(res.headers['access-control-allow-origin'], '*', route)
    }
    const unknown = await get('/api/Time/current/nowhere')
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.body, '{"error":"not found"}')
  })
})
