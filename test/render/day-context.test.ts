import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Language } from '../../src/i18n/languages.ts'
import { describeDay } from '../../src/render/day-context.ts'
import { plain } from '../fixtures.ts'

const day = (zone: string, iso: string, language: Language = 'en') =>
  describeDay({ zone, now: Temporal.Instant.from(iso), language }).map(plain)

describe('the day’s context', () => {
  test('says how long a zone without changes has kept its offset', () => {
    assert.equal(
      day('Europe/Moscow', '2026-11-28T12:00:00Z')[0],
      'UTC+3 all year; no clock change since 26 October 2014',
    )
  })

  test('names the next change, and the one after it once the first has passed, the same day', () => {
    // London's clocks go forward at 01:00 UTC on 28 March 2027: both instants are that local day.
    assert.equal(
      day('Europe/London', '2027-03-28T00:30:00Z')[0],
      'Clocks go forward 1 h to BST on 28 March 2027',
    )
    assert.equal(
      day('Europe/London', '2027-03-28T01:30:00Z')[0],
      'Clocks go back 1 h to GMT on 31 October 2027',
    )
  })

  test('gives the sun of the city’s own day, which moves on at its midnight', () => {
    const [, before] = day('Asia/Tokyo', '2026-11-28T14:59:00Z')
    const [, after] = day('Asia/Tokyo', '2026-11-28T15:01:00Z')
    assert.match(before ?? '', /^Sunrise 06:\d\d · sunset 16:\d\d · day \d+ h \d+ min$/)
    assert.notEqual(before, after, 'a new day in Tokyo has a new sunrise line')
  })

  test('speaks the page’s language', () => {
    assert.match(day('Asia/Tokyo', '2026-11-28T12:00:00Z', 'ru')[1] ?? '', /^Восход 06:\d\d/)
  })
})
