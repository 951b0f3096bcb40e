import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { after, describe, test } from 'node:test'
import { buildTestApp } from '../helpers.ts'

// What worldtimeapi.org's clients rely on, as its real responses show them. The captures (real
// bodies, transcribed) live in the workplace's shared folder beside this repository; the facts
// they show are restated here so that the suite stands on its own.
const captures = new URL('../../../shared/worldtimeapi-captures/', import.meta.url)

const app = buildTestApp()
after(() => app.close())

const KEYS = [
  'abbreviation',
  'client_ip',
  'datetime',
  'day_of_week',
  'day_of_year',
  'dst',
  'dst_from',
  'dst_offset',
  'dst_until',
  'raw_offset',
  'timezone',
  'unixtime',
  'utc_datetime',
  'utc_offset',
  'week_number',
]

// Each field's form in the captured bodies: six fractional digits, +00:00 for UTC instants.
const FORMS: Record<string, RegExp> = {
  abbreviation: /^([A-Z]{3,5}|[+-]\d{2,4})$/,
  datetime: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$/,
  day_of_week: /^[0-6]$/,
  day_of_year: /^\d{1,3}$/,
  dst: /^(true|false)$/,
  dst_from: /^(null|)$|^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  dst_offset: /^\d+$/,
  dst_until: /^(null|)$|^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/,
  raw_offset: /^-?\d+$/,
  timezone: /^[A-Za-z_]+(\/[A-Za-z_+-]+){0,2}$/,
  unixtime: /^\d+$/,
  utc_datetime: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/,
  utc_offset: /^[+-]\d\d:\d\d$/,
  week_number: /^\d{1,2}$/,
}

const checkJsonTime = (body: Record<string, unknown>, where: string) => {
  assert.deepEqual(Object.keys(body), KEYS, `${where}: keys in worldtimeapi's order`)
  for (const [key, form] of Object.entries(FORMS)) {
    assert.match(String(body[key]), form, `${where}: ${key}`)
  }
  assert.equal(body.dst_from === null, body.dst === false, `${where}: dst_from null outside DST`)
}

const checkTextTime = (body: string, where: string) => {
  assert.ok(!body.endsWith('\n'), `${where}: no newline after the last line`)
  const lines = body.split('\n')
  assert.deepEqual(
    lines.map((line) => line.split(': ', 1)[0]),
    KEYS,
    `${where}: one key: value a line`,
  )
  for (const line of lines) {
    const [key = '', value = ''] = line.split(/: (.*)/s)
    const form = FORMS[key]
    if (form) assert.match(value, form, `${where}: ${key}`)
  }
}

// The paths worldtimeapi.org's OpenAPI document listed (version 20210108), with our IPv6 too.
const PATHS: Array<[path: string, kind: 'time' | 'list', text: boolean]> = [
  ['/api/ip', 'time', false],
  ['/api/ip.txt', 'time', true],
  ['/api/ip/77.88.8.8', 'time', false],
  ['/api/ip/77.88.8.8.txt', 'time', true],
  ['/api/ip/2a02:6b8::feed:0ff', 'time', false],
  ['/api/timezone', 'list', false],
  ['/api/timezone.txt', 'list', true],
  ['/api/timezone/Europe', 'list', false],
  ['/api/timezone/Europe.txt', 'list', true],
  ['/api/timezone/Europe/Berlin', 'time', false],
  ['/api/timezone/Europe/Berlin.txt', 'time', true],
  ['/api/timezone/America/Argentina/Buenos_Aires', 'time', false],
  ['/api/timezone/America/Argentina/Buenos_Aires.txt', 'time', true],
]

describe('every path worldtimeapi.org served answers in its media type and shape', () => {
  for (const [path, kind, text] of PATHS) {
    for (const variant of [path, `${path}/`]) {
      test(variant, async () => {
        const res = await app.inject(variant)
        assert.equal(res.statusCode, 200)
        assert.equal(
          res.headers['content-type'],
          text ? 'text/plain; charset=utf-8' : 'application/json',
        )
        assert.equal(res.headers['access-control-allow-origin'], '*')
        if (kind === 'time' && text) checkTextTime(res.body, variant)
        if (kind === 'time' && !text) checkJsonTime(res.json(), variant)
        if (kind === 'list' && text) assert.match(res.body, /^([A-Za-z_+\-/0-9]+\n)+$/)
        if (kind === 'list' && !text) {
          const names = res.json()
          assert.ok(
            Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string'),
          )
        }
      })
    }
  }

  test('the same answer with or without one trailing slash', async () => {
    for (const [path] of PATHS) {
      const [plain, slash] = await Promise.all([app.inject(path), app.inject(`${path}/`)])
      // The clock is fixed, so the bodies are equal to the byte.
      assert.equal(slash.body, plain.body, path)
    }
  })
})

describe('errors as worldtimeapi.org sent them', () => {
  test('an unknown zone: {"error":"unknown location"}, text Error: unknown location', async () => {
    const json = await app.inject('/api/timezone/Mars/Olympus_Mons')
    assert.equal(json.statusCode, 404)
    assert.equal(json.body, '{"error":"unknown location"}')
    const text = await app.inject('/api/timezone/Mars/Olympus_Mons.txt')
    assert.equal(text.statusCode, 404)
    assert.equal(text.body, 'Error: unknown location')
  })

  test('a malformed address: 400 {"error":"malformed ip"}, text Error: malformed ip', async () => {
    const json = await app.inject('/api/ip/999.1.1.1')
    assert.equal(json.statusCode, 400)
    assert.equal(json.body, '{"error":"malformed ip"}')
    const text = await app.inject('/api/ip/999.1.1.1.txt')
    assert.equal(text.statusCode, 400)
    assert.equal(text.body, 'Error: malformed ip')
  })
})

describe('the captured real responses', {
  skip: !existsSync(captures) && `no ${captures.pathname}: the restated facts above still run`,
}, () => {
  const files = existsSync(captures) ? readdirSync(captures) : []

  test('each captured JSON time object has our shape field for field', async () => {
    const ours = (await app.inject('/api/timezone/Europe/Berlin')).json()
    let checked = 0
    for (const file of files.filter((f) => f.endsWith('.json') && !f.includes('openapi'))) {
      const body = JSON.parse(readFileSync(new URL(file, captures), 'utf8'))
      if (!('datetime' in body)) continue
      // One capture lists the keys in reverse, as the API once did; clients read by name.
      const ordered = Object.fromEntries(KEYS.map((key) => [key, body[key]]))
      checkJsonTime(ordered, file)
      // The same JSON type per field; dst_from and dst_until are a string or null.
      const kind = (value: unknown) => (value === null ? 'string' : typeof value)
      for (const key of KEYS) assert.equal(kind(ours[key]), kind(body[key]), `${file}: ${key}`)
      checked++
    }
    assert.ok(checked >= 3, `only ${checked} captured time objects`)
  })

  test('each captured text body has our line format', () => {
    let checked = 0
    for (const file of files.filter((f) => f.endsWith('.txt'))) {
      const body = readFileSync(new URL(file, captures), 'utf8')
      // The transcription ends each line, the last too; the body on the wire did not.
      const lines = body
        .trimEnd()
        .split('\n')
        .filter((line) => /^[a-z_]+: /.test(line))
      checkTextTime(lines.join('\n').replace(/client_ip: .*/, 'client_ip: 192.0.2.1'), file)
      checked++
    }
    assert.ok(checked >= 3, `only ${checked} captured text bodies`)
  })

  test('the captured error body is ours', async () => {
    const captured = readFileSync(
      new URL('syvertsj-unknown-location.json', captures),
      'utf8',
    ).trim()
    assert.equal((await app.inject('/api/timezone/Nowhere/At_All')).body, captured)
  })

  test("every path of worldtimeapi.org's OpenAPI document answers here with its media type", async () => {
    const document = JSON.parse(
      readFileSync(new URL('worldtimeapi-openapi-20210108.json', captures), 'utf8'),
    )
    const example: Record<string, string> = {
      '{ipv4}': '77.88.8.8',
      '{area}': 'America',
      '{location}': 'Argentina',
      '{region}': 'Buenos_Aires',
    }
    for (const [template, { success }] of Object.entries<{ success: string }>(document.paths)) {
      let path = `/api${template}`
      for (const [name, value] of Object.entries(example)) path = path.replace(name, value)
      if (
        template === '/timezone/{area}/{location}' ||
        template === '/timezone/{area}/{location}.txt'
      )
        path = path.replace('America/Argentina', 'Europe/Berlin')
      const res = await app.inject(path)
      assert.equal(res.statusCode, 200, path)
      const type = document.mediaTypes[success]
      assert.equal(res.headers['content-type']?.split(';')[0], type, path)
    }
  })
})
