import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { clockFaceAt, zonedTime } from '../../src/client/clock-face.ts'

describe('zonedTime', () => {
  const at = Date.UTC(2026, 10, 27, 13, 20, 31, 999)

  test('reads the wall clock at the offset the server sent', () => {
    assert.deepEqual(zonedTime(at, 180), {
      hm: '16:20',
      ss: '31',
      iso: '2026-11-27T16:20:31+03:00',
      offset: '+03:00',
      offsetMinutes: 180,
    })
  })

  test('handles negative, fractional and zero offsets, and the date line', () => {
    assert.equal(zonedTime(at, -210).iso, '2026-11-27T09:50:31-03:30')
    assert.equal(zonedTime(at, 0).iso, '2026-11-27T13:20:31+00:00')
    assert.equal(zonedTime(Date.UTC(2026, 10, 27, 21), 180).iso, '2026-11-28T00:00:00+03:00')
    assert.equal(zonedTime(Date.UTC(2026, 10, 27, 3), -240).iso, '2026-11-26T23:00:00-04:00')
  })

  test("ignores the browser's own zone data: Havana at -04:00 while older data says -05:00", () => {
    const havana = Date.UTC(2026, 10, 28, 12)
    assert.equal(zonedTime(havana, -240).hm, '08:00')
  })
})

describe('clockFaceAt', () => {
  const at = Date.UTC(2026, 10, 27, 21, 0, 5)

  test('writes the zone line with the abbreviation it is given, and the tab title', () => {
    const face = clockFaceAt(at, { offsetMinutes: 180, abbreviation: 'МСК' }, 'Москва')
    assert.equal(face.zoneLine, 'МСК · UTC+03:00')
    assert.equal(face.title, '00:00:05 · Москва')
  })

  test('the zone’s day, not UTC’s: it turns at the zone’s midnight', () => {
    const moscow = clockFaceAt(at, { offsetMinutes: 180, abbreviation: 'MSK' }, 'Moscow')
    const utc = clockFaceAt(at, { offsetMinutes: 0, abbreviation: 'UTC' }, 'UTC')
    assert.equal(moscow.day, utc.day + 1)
    assert.equal(new Date(moscow.wallMs).toISOString().slice(0, 10), '2026-11-28')
  })
})
