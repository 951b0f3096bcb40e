import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { comingDifference, findOffsetChanges } from '../../src/client/changes.ts'
import type { Change } from '../../src/page-contract/page-data.ts'
import { CHANGES_AHEAD_MS as AHEAD_MS } from '../../src/page-contract/timing.ts'

// A zone's offset at an instant, as the browser reports the visitor's own (minutes east of UTC).
const offsetIn = (zone: string) => (ms: number) => {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? '')
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

const MARCH_2027 = Date.UTC(2027, 2, 1)

describe('findOffsetChanges: the visitor’s own changes', () => {
  test('finds New York’s spring change to the minute', () => {
    const changes = findOffsetChanges(
      MARCH_2027,
      MARCH_2027 + AHEAD_MS,
      offsetIn('America/New_York'),
    )
    assert.equal(changes.length, 1)
    const [at, offset] = changes[0] ?? [0, 0]
    // 14 March 2027, 02:00 EST = 07:00 UTC.
    const exact = Date.UTC(2027, 2, 14, 7)
    assert.ok(at >= exact && at - exact <= 60_000, new Date(at).toISOString())
    assert.equal(offset, -240)
  })

  test('finds none in a zone without changes, and both of a window holding two', () => {
    assert.deepEqual(
      findOffsetChanges(MARCH_2027, MARCH_2027 + AHEAD_MS, () => 180),
      [],
    )
    const year = findOffsetChanges(
      MARCH_2027,
      MARCH_2027 + 300 * 86_400_000,
      offsetIn('Europe/Berlin'),
    )
    assert.deepEqual(
      year.map(([, offset]) => offset),
      [120, 60],
    )
  })
})

describe('comingDifference: "From 28 March, London is 8 hours behind you"', () => {
  const london: Change[] = [[Date.UTC(2027, 2, 28, 1), 60]]

  test('from the city’s change, the server’s list', () => {
    assert.deepEqual(comingDifference(MARCH_2027, 0, london, offsetIn('Asia/Tokyo')), {
      atMs: Date.UTC(2027, 2, 28, 1),
      zoneOffset: 60,
      visitorOffset: 540,
    })
  })

  test('from the visitor’s change, when it comes first', () => {
    const next = comingDifference(MARCH_2027, 0, london, offsetIn('America/New_York'))
    assert.equal(next?.zoneOffset, 0)
    assert.equal(next?.visitorOffset, -240)
    assert.equal(new Date(next?.atMs ?? 0).toISOString().slice(0, 10), '2027-03-14')
  })

  test('not when both change together and the difference stays', () => {
    assert.equal(comingDifference(MARCH_2027, 0, london, offsetIn('Europe/Dublin')), undefined)
  })

  test('nothing beyond 8 weeks, nor before now', () => {
    const far: Change[] = [[MARCH_2027 + AHEAD_MS + 1, 60]]
    const past: Change[] = [[MARCH_2027 - 1, 60]]
    assert.equal(
      comingDifference(MARCH_2027, 0, far, () => 540),
      undefined,
    )
    assert.equal(
      comingDifference(MARCH_2027, 60, past, () => 540),
      undefined,
    )
  })
})
