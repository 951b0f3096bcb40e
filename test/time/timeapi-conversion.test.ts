import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { compileZi } from '../../scripts/tzdb/zic.ts'
import { convertTimeZone } from '../../src/routes/timeapi/conversion-routes.ts'
import { findPeriod } from '../../src/time/tzdb.ts'
import { zones } from '../helpers.ts'

// timeapi.io's ConvertTimeZone over a table of wall-clock times around every offset change of
// zones chosen for their odd clocks, checked against Python's zoneinfo reading the vendored
// release compiled here by zic (test/time/conversion-reference.py): never the machine's tzdata.
const zi = fileURLToPath(new URL('../../data/tzdb/tzdata.zi', import.meta.url))
const reference = fileURLToPath(new URL('./conversion-reference.py', import.meta.url))

type Result = { dateTime: string; dstActive: boolean }
const convert = (from: string, dateTime: string, to: string, dstAmbiguity: string): Result => {
  const answer = convertTimeZone(zones, {
    fromTimeZone: from,
    dateTime,
    toTimeZone: to,
    dstAmbiguity,
  })
  assert.ok('conversionResult' in answer, `${from} ${dateTime}: ${JSON.stringify(answer)}`)
  return (answer as { conversionResult: Result }).conversionResult
}

describe('the rules, restated', () => {
  const AMBIGUITIES = ['', 'earlier', 'later']
  for (const [what, from, wall, to, answers] of [
    [
      'the documented example',
      'Europe/Amsterdam',
      '2021-03-14 17:45:00',
      'America/Los_Angeles',
      ['2021-03-14T09:45:00', '2021-03-14T09:45:00', '2021-03-14T09:45:00'],
    ],
    [
      'New York falls back: 01:30 twice',
      'America/New_York',
      '2021-11-07 01:30:00',
      'UTC',
      ['2021-11-07T05:30:00', '2021-11-07T05:30:00', '2021-11-07T06:30:00'],
    ],
    [
      'New York springs forward: no 02:30',
      'America/New_York',
      '2021-03-14 02:30:00',
      'America/New_York',
      ['2021-03-14T03:30:00', '2021-03-14T03:30:00', '2021-03-14T03:30:00'],
    ],
    [
      'Samoa skipped 30 December 2011',
      'Pacific/Apia',
      '2011-12-30 12:00:00',
      'Pacific/Apia',
      ['2011-12-31T12:00:00', '2011-12-31T12:00:00', '2011-12-31T12:00:00'],
    ],
    [
      'Lord Howe moves half an hour',
      'Australia/Lord_Howe',
      '2021-10-03 02:15:00',
      'Australia/Lord_Howe',
      ['2021-10-03T02:45:00', '2021-10-03T02:45:00', '2021-10-03T02:45:00'],
    ],
    [
      'Troll moves two hours',
      'Antarctica/Troll',
      '2024-03-31 01:30:00',
      'Antarctica/Troll',
      ['2024-03-31T03:30:00', '2024-03-31T03:30:00', '2024-03-31T03:30:00'],
    ],
    [
      'Lord Howe falls back half an hour: 01:45 twice',
      'Australia/Lord_Howe',
      '2021-04-04 01:45:00',
      'UTC',
      ['2021-04-03T14:45:00', '2021-04-03T14:45:00', '2021-04-03T15:15:00'],
    ],
  ] as const) {
    test(what, () => {
      for (const [i, ambiguity] of AMBIGUITIES.entries())
        assert.equal(
          convert(from, wall, to, ambiguity).dateTime,
          answers[i],
          `dstAmbiguity "${ambiguity}"`,
        )
    })
  }
})

// Odd clocks: half-hour and 45-minute offsets and DST, two-hour DST, a skipped day, negative DST
// (Dublin, Casablanca), southern summers, changes at midnight, offsets changed for good.
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Amsterdam',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Moscow',
  'Europe/Kyiv',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Kathmandu',
  'America/Caracas',
  'Africa/Casablanca',
  'America/Sao_Paulo',
  'America/Santiago',
  'Antarctica/Troll',
  'Asia/Tehran',
  'America/Nuuk',
  'Pacific/Kiritimati',
  'America/Havana',
  'Asia/Gaza',
  'Africa/Cairo',
  'Asia/Kolkata',
]
// Their DST is negative in tzdb's main form: Python's dst() says so, our dstActive (the rearguard
// form, as worldtimeapi and NodaTime) the reverse; their wall times are compared all the same.
const NEGATIVE_DST = new Set(['Europe/Dublin', 'Africa/Casablanca'])
const FROM = Date.UTC(1970, 0, 1) / 1000
const UNTIL = Date.UTC(2100, 0, 1) / 1000

// A seeded generator, so a failure names cases that the next run checks again.
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const wallText = (seconds: number, micros: number) =>
  `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')}${micros ? `.${String(micros).padStart(6, '0')}` : ''}`

/** Around each offset change of each zone: just before, at and just after each side's wall time. */
const buildCases = () => {
  const next = random(20_211_107)
  const pick = () => ZONES[Math.floor(next() * ZONES.length)] as string
  const cases: Array<[string, string, string, string]> = []
  for (const zone of ZONES) {
    let period = findPeriod(zone, FROM)
    for (let count = 0; period?.until != null && period.until < UNTIL; count++) {
      const at = period.until
      const after = findPeriod(zone, at)
      if (!after) break
      // Every change to 2040; after it (the footer's rule repeating) one in five.
      if (after.offset !== period.offset && (at < Date.UTC(2040, 0, 1) / 1000 || count % 5 === 0)) {
        const half = Math.floor(Math.abs(after.offset - period.offset) / 2)
        for (const base of [at + period.offset, at + after.offset])
          for (const delta of [-1, 0, 1, half, -half - 1])
            for (const ambiguity of ['', 'earlier', 'later'])
              cases.push([
                zone,
                wallText(base + delta, delta === half ? Math.floor(next() * 1e6) : 0),
                ambiguity,
                next() < 0.5 ? 'UTC' : pick(),
              ])
      }
      period = after
    }
  }
  for (let i = 0; i < 3000; i++) {
    const seconds = FROM + Math.floor(next() * (UNTIL - FROM))
    cases.push([
      pick(),
      wallText(seconds, Math.floor(next() * 1e6)),
      ['', 'earlier', 'later'][i % 3] as string,
      pick(),
    ])
  }
  return cases
}

const missing = (t: { skip(message: string): void }, why: string) => {
  if (process.env.CI === 'true') assert.fail(why)
  t.skip(why)
}

const work = mkdtempSync(join(tmpdir(), 'moscow-time-conversion-'))
after(() => rmSync(work, { recursive: true, force: true }))

test('the conversion table agrees with Python zoneinfo over the vendored tzdb, for each dstAmbiguity', (t) => {
  try {
    compileZi(zi, join(work, 'zones'))
  } catch (error) {
    return missing(t, `zic is needed for the conversion table: ${(error as Error).message}`)
  }
  const cases = buildCases()
  const python = spawnSync('python3', [reference], {
    input: JSON.stringify({ zones: join(work, 'zones'), cases }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (python.error)
    return missing(t, `python3 is needed for the conversion table: ${python.error.message}`)
  assert.equal(python.status, 0, python.stderr)
  const answers = JSON.parse(python.stdout) as Array<[string, boolean, string]>
  assert.equal(answers.length, cases.length)
  const problems: string[] = []
  const kinds = { gap: 0, fold: 0, plain: 0 } as Record<string, number>
  cases.forEach(([from, wall, ambiguity, to], i) => {
    const [wantWall, wantDst, kind] = answers[i] as [string, boolean, string]
    kinds[kind] = (kinds[kind] ?? 0) + 1
    const ours = convert(from, wall, to, ambiguity)
    const sameWall = Temporal.PlainDateTime.compare(ours.dateTime, wantWall) === 0
    const sameDst = NEGATIVE_DST.has(to) || ours.dstActive === wantDst
    if ((!sameWall || !sameDst) && problems.length < 20)
      problems.push(
        `${from} ${wall} "${ambiguity}" -> ${to}: ours ${ours.dateTime} ${ours.dstActive}, zoneinfo ${wantWall} ${wantDst} (${kind})`,
      )
  })
  t.diagnostic(
    `${cases.length} conversions: ${kinds.gap} skipped, ${kinds.fold} twice-occurring, ${kinds.plain} plain`,
  )
  assert.deepEqual(problems, [])
  assert.ok((kinds.gap ?? 0) > 1000 && (kinds.fold ?? 0) > 1000, JSON.stringify(kinds))
})
