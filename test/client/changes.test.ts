import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  AHEAD_MS,
  type Change,
  comingDifference,
  findOffsetChanges,
  parseChanges,
} from '../../src/client/changes.ts'
import { describeDifferenceFrom, formatDifference } from '../../src/client/words.ts'
import { plain } from '../fixtures.ts'

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

describe('parseChanges', () => {
  test('reads data-changes, and refuses anything else', () => {
    assert.deepEqual(parseChanges('[[1800000000000,60]]'), [[1_800_000_000_000, 60]])
    for (const bad of [undefined, '', '{', '{"a":1}', '[[1]]', '[["1",60]]', '[[1,null]]'])
      assert.deepEqual(parseChanges(bad), [], String(bad))
  })
})

describe('the sentences', () => {
  test('formatDifference says hours and minutes, no zero units', () => {
    assert.equal(plain(formatDifference(-330, 'en')), '5 hours 30 minutes')
    assert.equal(plain(formatDifference(60, 'en')), '1 hour')
    assert.equal(plain(formatDifference(45, 'ru')), '45 минут')
    assert.equal(plain(formatDifference(-1321, 'ru')), '22 часа 1 минуту')
  })

  test('describeDifferenceFrom, in English and Russian', () => {
    const say = (zone: number, visitor: number, language: 'en' | 'ru') =>
      plain(
        language === 'en'
          ? describeDifferenceFrom('28 March', zone, visitor, 'London', 'in London', 'en')
          : describeDifferenceFrom('28 марта', zone, visitor, 'Лондон', 'в Лондоне', 'ru'),
      )
    assert.equal(say(60, 540, 'en'), 'From 28 March, London is 8 hours behind you')
    assert.equal(say(60, -240, 'en'), 'From 28 March, London is 5 hours ahead of you')
    assert.equal(say(60, 60, 'en'), 'From 28 March, you are on London time')
    assert.equal(say(60, 540, 'ru'), 'С 28 марта Лондон отстаёт от вас на 8 часов')
    assert.equal(say(60, 60, 'ru'), 'С 28 марта время в Лондоне совпадает с вашим')
  })
})
