import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { after, describe, test } from 'node:test'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { fixedClock } from '../../src/time/clock.ts'
import { zones } from '../helpers.ts'

// What timeapi.io's clients rely on, as its real answers show them. The captures (real bodies,
// transcribed) live in the workplace's shared folder beside this repository; the facts they show
// are restated here so that the suite stands on its own, and the files are compared field for
// field when present: our answer at the instant of each capture is the capture.
const captures = new URL('../../../shared/timeapi-captures/', import.meta.url)

const apps: Array<ReturnType<typeof buildApp>> = []
after(() => Promise.all(apps.map((app) => app.close())))
/** The app with its clock at `instant`. */
const appAt = (instant: string) => {
  const app = buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }, zones.resolve),
    clock: fixedClock(instant),
    zones,
  })
  apps.push(app)
  return app
}

const CURRENT_TIME_KEYS = [
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
  'timeZone',
  'dayOfWeek',
  'dstActive',
]
const ZONE_DATA_KEYS = [
  'timeZone',
  'currentLocalTime',
  'currentUtcOffset',
  'standardUtcOffset',
  'hasDayLightSaving',
  'isDayLightSavingActive',
  'dstInterval',
]

// Each live capture: its path, the instant it was taken (its local time less its offset), and
// the facts it shows, restated.
const LIVE = [
  {
    file: 'time-current-zone-america-phoenix-2022-12-18.json',
    path: '/api/Time/current/zone?timeZone=America/Phoenix',
    at: '2022-12-18T18:04:02.6927298Z',
    body: {
      year: 2022,
      month: 12,
      day: 18,
      hour: 11,
      minute: 4,
      seconds: 2,
      // Truncated, not rounded; seven fraction digits, MM/dd/yyyy, HH:mm.
      milliSeconds: 692,
      dateTime: '2022-12-18T11:04:02.6927298',
      date: '12/18/2022',
      time: '11:04',
      timeZone: 'America/Phoenix',
      dayOfWeek: 'Sunday',
      dstActive: false,
    },
  },
  {
    file: 'time-current-zone-asia-kolkata-2024-11-14.json',
    path: '/api/time/current/zone?timeZone=Asia/Kolkata',
    at: '2024-11-14T15:17:53.529872Z',
    // Six digits where the seventh is a zero: trailing zeros are dropped.
    facts: { dateTime: '2024-11-14T20:47:53.529872', milliSeconds: 529, date: '11/14/2024' },
  },
  {
    file: 'time-current-zone-utc-2023-12-04.json',
    path: '/api/time/current/zone?timeZone=UTC',
    at: '2023-12-04T03:02:15.835507Z',
    facts: { timeZone: 'UTC', time: '03:02', dayOfWeek: 'Monday' },
  },
  {
    file: 'time-current-zone-asia-jakarta-2023-05-04.json',
    path: '/api/Time/current/zone?timeZone=Asia/Jakarta',
    at: '2023-05-04T07:44:33.4868092Z',
  },
  {
    file: 'time-current-zone-asia-shanghai-2023-12-28.json',
    path: '/api/Time/current/zone?timeZone=Asia/Shanghai',
    at: '2023-12-28T03:22:50.360864Z',
  },
  {
    file: 'time-current-zone-europe-amsterdam-2025-02-10.json',
    path: '/api/Time/current/zone?timeZone=Europe/Amsterdam',
    at: '2025-02-10T10:01:10.8161637Z',
  },
  {
    file: 'timezone-zone-europe-moscow-2026-04-26.json',
    path: '/api/TimeZone/zone?timeZone=Europe/Moscow',
    at: '2026-04-25T22:02:07.0325851Z',
    // Logged verbatim by a client: one line, no spaces, null where there is no DST.
    raw: '{"timeZone":"Europe/Moscow","currentLocalTime":"2026-04-26T01:02:07.0325851","currentUtcOffset":{"seconds":10800,"milliseconds":10800000,"ticks":108000000000,"nanoseconds":10800000000000},"standardUtcOffset":{"seconds":10800,"milliseconds":10800000,"ticks":108000000000,"nanoseconds":10800000000000},"hasDayLightSaving":false,"isDayLightSavingActive":false,"dstInterval":null}',
  },
  {
    file: 'timezone-zone-america-sao_paulo-2022-04-12.json',
    path: '/api/TimeZone/zone?timeZone=America/Sao_Paulo',
    at: '2022-04-12T16:41:48.9984601Z',
    facts: { hasDayLightSaving: false, dstInterval: null },
  },
  {
    file: 'timezone-zone-europe-madrid-2025-05-11.json',
    path: '/api/timezone/zone?timeZone=Europe%2FMadrid',
    at: '2025-05-11T08:28:02.4054762Z',
    facts: { isDayLightSavingActive: true },
    dst: {
      dstName: 'CEST',
      dstStart: '2025-03-30T01:00:00Z',
      dstEnd: '2025-10-26T01:00:00Z',
      days: 210,
      totalDays: 210,
    },
  },
  {
    file: 'timezone-coordinate-america-new_york-2024-05-15.json',
    path: '/api/TimeZone/coordinate?latitude=38.9&longitude=-77.03',
    at: '2024-05-16T02:16:50.5334703Z',
    facts: { timeZone: 'America/New_York' },
    dst: {
      dstName: 'EDT',
      dstStart: '2024-03-10T07:00:00Z',
      dstEnd: '2024-11-03T06:00:00Z',
      days: 237,
      totalDays: 237.95833333333334,
    },
  },
] as const

describe('the facts the captures show, restated', () => {
  for (const capture of LIVE) {
    test(`${capture.path} at ${capture.at}`, async () => {
      const res = await appAt(capture.at).inject(capture.path)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8')
      assert.equal(res.headers['access-control-allow-origin'], '*')
      // Compact, as the server writes it: clients search the raw text.
      assert.doesNotMatch(res.body, /[\n ]":|, "|: /)
      const body = res.json()
      const keys = capture.file.startsWith('time-current') ? CURRENT_TIME_KEYS : ZONE_DATA_KEYS
      assert.deepEqual(Object.keys(body), keys)
      if ('body' in capture) assert.deepEqual(body, capture.body)
      if ('raw' in capture) assert.equal(res.body, capture.raw)
      if ('facts' in capture)
        for (const [key, value] of Object.entries(capture.facts))
          assert.deepEqual(body[key], value, key)
      if ('dst' in capture) {
        const { days, totalDays, ...interval } = capture.dst
        for (const [key, value] of Object.entries(interval))
          assert.equal(body.dstInterval[key], value, key)
        assert.equal(body.dstInterval.dstOffsetToStandardTime.seconds, 3600)
        assert.equal(body.dstInterval.dstDuration.days, days)
        assert.equal(body.dstInterval.dstDuration.totalDays, totalDays)
      }
    })
  }

  test("ConvertTimeZone's documented example: 17:45 in Amsterdam is 09:45 in Los Angeles, in DST", async () => {
    const res = await appAt('2026-01-01T00:00:00Z').inject({
      method: 'POST',
      url: '/api/conversion/converttimezone',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload:
        '{"fromTimeZone":"Europe/Amsterdam","dateTime":"2021-03-14 17:45:00","toTimeZone":"America/Los_Angeles","dstAmbiguity":""}',
    })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.deepEqual(Object.keys(body), [
      'fromTimezone',
      'fromDateTime',
      'toTimeZone',
      'conversionResult',
    ])
    assert.equal(body.fromDateTime, '2021-03-14T17:45:00')
    assert.deepEqual(body.conversionResult, {
      year: 2021,
      month: 3,
      day: 14,
      hour: 9,
      minute: 45,
      seconds: 0,
      milliSeconds: 0,
      dateTime: '2021-03-14T09:45:00',
      date: '03/14/2021',
      time: '09:45',
      timeZone: 'America/Los_Angeles',
      dstActive: true,
    })
  })
})

describe('the captured files', {
  skip: !existsSync(captures) && `no ${captures.pathname}: the restated facts above still run`,
}, () => {
  const read = (file: string) => JSON.parse(readFileSync(new URL(file, captures), 'utf8'))

  test('our answer at the instant of each live capture is the capture, key order included', async () => {
    let checked = 0
    for (const capture of LIVE) {
      const file = new URL(capture.file, captures)
      if (!existsSync(file)) continue
      const body = (await appAt(capture.at).inject(capture.path)).json()
      const captured = read(capture.file)
      assert.deepEqual(body, captured, capture.file)
      assert.deepEqual(Object.keys(body), Object.keys(captured), capture.file)
      checked++
    }
    assert.ok(checked >= 8, `only ${checked} captures compared`)
  })

  test('every capture in the folder is one of those compared', () => {
    const live = new Set<string>(LIVE.map((capture) => capture.file))
    for (const file of readdirSync(captures).filter((name) => name.endsWith('.json')))
      assert.ok(live.has(file) || file.includes('request') || file.includes('response'), file)
  })

  test("the documented conversion example's answer is ours but its dd/MM date", async () => {
    const res = await appAt('2026-01-01T00:00:00Z').inject({
      method: 'POST',
      url: '/api/Conversion/ConvertTimeZone',
      headers: { 'content-type': 'application/json' },
      payload: readFileSync(
        new URL('conversion-converttimezone-request-europe-amsterdam-2021-03-14.json', captures),
      ),
    })
    const documented = read('conversion-converttimezone-response-europe-amsterdam-2021-03-14.json')
    documented.conversionResult.date = '03/14/2021'
    assert.deepEqual(res.json(), documented)
  })

  test('the captured increment request: a day later, in UTC', async () => {
    const res = await appAt('2023-12-04T03:02:15.835507Z').inject({
      method: 'POST',
      url: '/api/Calculation/current/increment',
      headers: { 'content-type': 'application/json' },
      payload: readFileSync(new URL('calculation-current-increment-request-utc.json', captures)),
    })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.equal(body.originalDateTime, '2023-12-04T03:02:15.835507')
    assert.equal(body.usedTimeSpan, '1:00:00:00')
    assert.equal(body.calculationResult.dateTime, '2023-12-05T03:02:15.835507')
  })
})
