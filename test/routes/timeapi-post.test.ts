import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { TIMEAPI_POST_ROUTES } from '../../src/http/api-contract.ts'
import { buildTestApp } from '../helpers.ts'

// timeapi.io's POST routes: their JSON bodies, answers and refusals. The clock is fixed at
// 2026-11-27T13:20:31.123456Z (tests/fixtures.ts).
const app = buildTestApp()
after(() => app.close())

const JSON_TYPE = { 'content-type': 'application/json' }
const post = (url: string, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
  app.inject({
    method: 'POST',
    url,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  })
const ok = async (url: string, body: unknown) => {
  const res = await post(url, body)
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}
const convert = (dateTime: string, dstAmbiguity: string, from = 'America/New_York', to = 'UTC') =>
  ok('/api/Conversion/ConvertTimeZone', {
    fromTimeZone: from,
    dateTime,
    toTimeZone: to,
    dstAmbiguity,
  })

describe('POST /api/Conversion/ConvertTimeZone', () => {
  test('a twice-occurring 01:30 in New York: the earlier for "" and "earlier", the later for "later"', async () => {
    for (const [ambiguity, utc] of [
      ['', '2021-11-07T05:30:00'],
      ['earlier', '2021-11-07T05:30:00'],
      ['EARLIER', '2021-11-07T05:30:00'],
      ['later', '2021-11-07T06:30:00'],
    ] as const)
      assert.equal(
        (await convert('2021-11-07 01:30:00', ambiguity)).conversionResult.dateTime,
        utc,
        ambiguity,
      )
  })

  test('a skipped 02:30 in New York is 03:30 EDT, whatever dstAmbiguity says', async () => {
    for (const ambiguity of ['', 'earlier', 'later']) {
      const body = await convert(
        '2021-03-14 02:30:00',
        ambiguity,
        'America/New_York',
        'America/New_York',
      )
      assert.equal(body.conversionResult.dateTime, '2021-03-14T03:30:00', ambiguity)
      assert.equal(body.conversionResult.dstActive, true)
      assert.equal(body.fromDateTime, '2021-03-14T02:30:00')
    }
  })

  test('up to seven fraction digits, a T for the space, field names in any case, no dstAmbiguity', async () => {
    const body = await ok('/api/conversion/converttimezone', {
      FromTimeZone: 'utc',
      datetime: '2024-02-29T23:59:59.1234567',
      TOTIMEZONE: 'Asia/Kolkata',
    })
    assert.equal(body.fromTimezone, 'UTC')
    assert.equal(body.conversionResult.dateTime, '2024-03-01T05:29:59.1234567')
    assert.equal(body.conversionResult.milliSeconds, 123)
  })

  test('a charset of UTF-8 is JSON too', async () => {
    const res = await post(
      '/api/Conversion/ConvertTimeZone',
      { fromTimeZone: 'UTC', dateTime: '2021-03-14 17:45:00', toTimeZone: 'UTC' },
      { 'content-type': 'application/json; charset=UTF-8' },
    )
    assert.equal(res.statusCode, 200)
  })

  test('values the service rejects: a 400 sentence', async () => {
    const base = { fromTimeZone: 'UTC', dateTime: '2021-03-14 17:45:00', toTimeZone: 'UTC' }
    for (const [change, sentence] of [
      [{ toTimeZone: 'Mars/Base' }, 'Invalid Timezone.'],
      [{ dateTime: '2021-03-14T17:45:00Z' }, 'Invalid DateTime format.'],
      [{ dateTime: '2021-02-30 10:00:00' }, 'Invalid DateTime format.'],
      [{ dateTime: '14/03/2021 17:45' }, 'Invalid DateTime format.'],
      [{ dateTime: '2021-03-14 17:45:00.12345678' }, 'Invalid DateTime format.'],
      [{ dstAmbiguity: 'sooner' }, 'Invalid dstAmbiguity: use "", "earlier" or "later".'],
      [
        {
          fromTimeZone: 'Pacific/Kiritimati',
          dateTime: '0001-01-01 00:00:00',
          toTimeZone: 'Pacific/Midway',
        },
        'The result is outside the years 1 to 9999.',
      ],
    ] as const) {
      const res = await post('/api/Conversion/ConvertTimeZone', { ...base, ...change })
      assert.equal(res.statusCode, 400, JSON.stringify(change))
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
      assert.equal(res.body, sentence)
    }
  })

  test('bodies the framework refuses: problem details, as ASP.NET writes them', async () => {
    const url = '/api/Conversion/ConvertTimeZone'
    const errorsOf = async (body: unknown, headers?: Record<string, string>) => {
      const res = await post(url, body, headers)
      assert.equal(res.statusCode, 400, res.body)
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.equal(res.json().title, 'One or more validation errors occurred.')
      return res.json().errors
    }
    assert.deepEqual(await errorsOf({ dateTime: '2021-03-14 17:45:00', toTimeZone: 'UTC' }), {
      fromTimeZone: ['The fromTimeZone field is required.'],
    })
    assert.deepEqual(await errorsOf({ fromTimeZone: 3, dateTime: 'x', toTimeZone: 'UTC' }), {
      '$.fromTimeZone': ['The JSON value could not be converted to System.String.'],
    })
    assert.deepEqual(await errorsOf('{"fromTimeZone":'), {
      $: ['The JSON value could not be parsed.'],
    })
    assert.deepEqual(await errorsOf('["UTC"]'), {
      $: ['The JSON value could not be converted to the request.'],
    })
    assert.deepEqual(await errorsOf('{"__proto__":{"x":1}}'), {
      $: ['The JSON value could not be parsed.'],
    })
    assert.deepEqual(await errorsOf(''), { '': ['A non-empty request body is required.'] })
    assert.deepEqual(await errorsOf('', {}), { '': ['A non-empty request body is required.'] })
  })
})

describe('POST /api/Conversion/Translate', () => {
  test("timeapi.io's German example, word for word", async () => {
    const body = await ok('/api/Conversion/Translate', {
      dateTime: '2021-03-14 17:45:00',
      languageCode: 'de',
    })
    assert.deepEqual(body, {
      dateTime: '2021-03-14 17:45:00',
      languageCode: 'de',
      friendlyDateTime: 'Sonntag, 14. März 2021 17:45:00',
      friendlyDate: 'Sonntag, 14. März 2021',
      friendlyTime: '17:45:00',
    })
  })

  test('English and Russian; an unknown language is a 400 sentence', async () => {
    const english = await ok('/api/conversion/translate', {
      dateTime: '2021-03-14 17:45:00',
      languageCode: 'en',
    })
    assert.match(english.friendlyDateTime, /^Sunday, March 14, 2021 5:45:00\sPM$/)
    const russian = await ok('/api/conversion/translate', {
      dateTime: '2021-03-14 17:45:00',
      languageCode: 'ru',
    })
    assert.equal(russian.friendlyDate, 'воскресенье, 14 марта 2021 г.')
    for (const code of ['xx', 'english', '1', '']) {
      const res = await post('/api/conversion/translate', {
        dateTime: '2021-03-14 17:45:00',
        languageCode: code,
      })
      assert.equal(res.statusCode, 400, code)
    }
  })
})

describe('POST /api/Calculation/...', () => {
  test('current: now plus or minus the span, exact time', async () => {
    const plus = await ok('/api/Calculation/current/increment', {
      timeZone: 'Europe/Moscow',
      timeSpan: '1:02:03:04.5',
    })
    assert.deepEqual(Object.keys(plus), [
      'timeZone',
      'originalDateTime',
      'usedTimeSpan',
      'calculationResult',
    ])
    assert.equal(plus.originalDateTime, '2026-11-27T16:20:31.123456')
    assert.equal(plus.usedTimeSpan, '1:02:03:04.5')
    assert.equal(plus.calculationResult.dateTime, '2026-11-28T18:23:35.623456')
    assert.deepEqual(Object.keys(plus.calculationResult), [
      'year',
      'month',
      'day',
      'hour',
      'minute',
      'seconds',
      'milliSeconds',
      'dateTime',
      'date',
      'time',
      'dstActive',
    ])
    const minus = await ok('/api/calculation/current/decrement', {
      timeZone: 'UTC',
      timeSpan: '0:00:00:01',
    })
    assert.equal(minus.calculationResult.dateTime, '2026-11-27T13:20:30.123456')
  })

  test('custom: an hour after 01:30 on the spring-forward night is 03:30; across fall-back, dstAmbiguity picks', async () => {
    const spring = await ok('/api/Calculation/custom/increment', {
      timeZone: 'America/New_York',
      dateTime: '2021-03-14 01:30:00',
      timeSpan: '0:01:00:00',
      dstAmbiguity: '',
    })
    assert.equal(spring.calculationResult.dateTime, '2021-03-14T03:30:00')
    assert.equal(spring.calculationResult.dstActive, true)
    for (const [ambiguity, after] of [
      ['earlier', '2021-11-07T01:30:00'],
      ['later', '2021-11-07T02:30:00'],
    ] as const) {
      const fall = await ok('/api/calculation/custom/increment', {
        timeZone: 'America/New_York',
        dateTime: '2021-11-07 01:30:00',
        timeSpan: '0:01:00:00',
        dstAmbiguity: ambiguity,
      })
      assert.equal(fall.calculationResult.dateTime, after, ambiguity)
    }
  })

  test('a span not in d:hh:mm:ss[.fff], or a result past year 9999: a 400 sentence', async () => {
    for (const [timeSpan, sentence] of [
      ['1:24:00:00', 'Invalid TimeSpan format.'],
      ['01:00:00', 'Invalid TimeSpan format.'],
      ['-1:00:00:00', 'Invalid TimeSpan format.'],
      ['99999999:00:00:00', 'The result is outside the years 1 to 9999.'],
    ] as const) {
      const res = await post('/api/Calculation/current/increment', { timeZone: 'UTC', timeSpan })
      assert.equal(res.statusCode, 400, timeSpan)
      assert.equal(res.body, sentence, timeSpan)
    }
    const custom = await post('/api/Calculation/custom/decrement', {
      timeZone: 'UTC',
      timeSpan: '1:00:00:00',
    })
    assert.deepEqual(custom.json().errors, { dateTime: ['The dateTime field is required.'] })
  })
})

describe('the body gate on every POST route', () => {
  const valid = '{"timeZone":"UTC","timeSpan":"0:00:00:01"}'

  test('another type, a charset not UTF-8, an encoding, or a body without a type: 415', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json; charset=iso-8859-1' },
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      { 'content-length': String(valid.length) },
    ]) {
      for (const route of TIMEAPI_POST_ROUTES) {
        const res = await post(route, valid, headers)
        assert.equal(res.statusCode, 415, `${route} ${JSON.stringify(headers)}`)
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
        assert.equal(res.json().title, 'Unsupported Media Type')
        assert.equal(res.headers.connection, 'close')
        assert.equal(res.headers['access-control-allow-origin'], '*')
      }
    }
  })

  test('over 2 KB: 413, before reading it; exactly 2 KB is read', async () => {
    const padded = (size: number) => `${valid.slice(0, -1)}${' '.repeat(size - valid.length)}}`
    for (const route of TIMEAPI_POST_ROUTES) {
      const big = await post(route, padded(2049))
      assert.equal(big.statusCode, 413, route)
      assert.equal(big.json().title, 'Content Too Large')
      assert.equal(big.headers.connection, 'close')
      assert.notEqual((await post(route, padded(2048))).statusCode, 413, route)
    }
  })

  test('a GET, PUT or body on a POST route: 405 with Allow: POST; other routes still refuse bodies', async () => {
    for (const route of TIMEAPI_POST_ROUTES) {
      for (const method of ['GET', 'HEAD', 'PUT', 'DELETE'] as const) {
        const res = await app.inject({ method, url: route.toLowerCase() })
        assert.equal(res.statusCode, 405, `${method} ${route}`)
        assert.equal(res.headers.allow, 'POST')
      }
    }
    const elsewhere = await post('/api/Time/current/zone?timeZone=UTC', valid)
    assert.equal(elsewhere.statusCode, 405)
    assert.equal(elsewhere.headers.allow, 'GET, HEAD')
  })

  test('a browser preflight allows POST with a JSON Content-Type there, GET and HEAD elsewhere', async () => {
    const preflight = (url: string, method: string) =>
      app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: 'https://example.test',
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      })
    const convert = await preflight('/api/conversion/converttimezone', 'POST')
    assert.equal(convert.statusCode, 204)
    assert.equal(convert.headers['access-control-allow-origin'], '*')
    assert.equal(convert.headers['access-control-allow-methods'], 'POST')
    assert.equal(convert.headers['access-control-allow-headers'], 'Content-Type')
    const zone = await preflight('/api/Time/current/zone', 'GET')
    assert.equal(zone.headers['access-control-allow-methods'], 'GET, HEAD')
    assert.equal(zone.headers['access-control-allow-headers'], 'Content-Type')
  })
})
