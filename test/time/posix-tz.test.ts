import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import data from '../../data/tzdb/zones.json' with { type: 'json' }
import { parsePosixTz, transitionsInYear } from '../../src/time/posix-tz.ts'
import { decodeZone, type TzdbTable } from '../../src/time/tzdb-table.ts'

const table = data as unknown as TzdbTable

describe('parsePosixTz', () => {
  test('reads names, offsets east of UTC and rules', () => {
    const rule = parsePosixTz('<-02>2<-01>,M3.5.0/-1,M10.5.0/0')
    assert.deepEqual(rule?.standard, { abbreviation: '-02', offset: -7200, isDst: false })
    assert.deepEqual(rule?.daylight, { abbreviation: '-01', offset: -3600, isDst: true })
    assert.deepEqual(rule?.start, {
      date: { kind: 'weekday', month: 3, week: 5, weekday: 0 },
      seconds: -3600,
    })
    assert.deepEqual(parsePosixTz('MSK-3'), {
      standard: { abbreviation: 'MSK', offset: 10800, isDst: false },
    })
    assert.equal(
      parsePosixTz('<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45')?.daylight?.offset,
      49_500,
    )
  })

  test('refuses what is not POSIX TZ', () => {
    for (const bad of ['', 'M', '3', 'EST5EDT,M3', 'EST5EDT,M3.2.0']) {
      assert.equal(parsePosixTz(bad), undefined, bad)
    }
  })
})

describe('transitionsInYear', () => {
  // zic lists every transition to 2037 itself: for zones whose rules hold unchanged by then, the
  // footer's years must give the very same ones (the cross-check covers every zone to 2100).
  test('agrees with zic in 2030-2036 on rules of every shape', () => {
    const from = Date.UTC(2030, 0, 1) / 1000
    const to = Date.UTC(2037, 0, 1) / 1000
    const inWindow = (s: number) => s >= from && s < to
    const zones = [
      'America/New_York', // M3.2.0,M11.1.0
      'Asia/Jerusalem', // M3.4.4/26: hours past 24
      'America/Nuuk', // M3.5.0/-1: negative hours
      'America/Santiago', // southern, /24
      'Pacific/Chatham', // 2:45 and 12:45
      'Australia/Lord_Howe', // 30 minute save
      'Europe/Dublin', // negative DST
    ]
    for (const name of zones) {
      const encoded = table.zones[name]
      const rule = parsePosixTz(encoded?.[0] ?? '')
      assert.ok(encoded && rule?.daylight, name)
      const listed = [...decodeZone(encoded).starts].filter(inWindow)
      const ruled = Array.from({ length: 9 }, (_, i) => transitionsInYear(rule, 2029 + i))
        .flat()
        .map((t) => t.at)
        .filter(inWindow)
      assert.equal(listed.length, 14, name)
      assert.deepEqual(ruled, listed, name)
    }
  })

  test('gives nothing for a rule without DST', () => {
    const rule = parsePosixTz('MSK-3')
    assert.ok(rule)
    assert.deepEqual(transitionsInYear(rule, 2030), [])
  })
})
