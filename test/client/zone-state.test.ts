import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createZoneState } from '../../src/client/zone-state.ts'
import type { PageData } from '../../src/page-contract/page-data.ts'

const page: PageData = {
  api: '/api/timezone/Europe/Moscow',
  city: 'Москва',
  cityIn: 'в Москве',
  abbreviation: 'МСК',
  offsetMinutes: 180,
  untilMs: null,
  ms: 0,
  changes: [],
}

describe('what the script knows of the zone', () => {
  test('keeps the page’s spelling of the abbreviation until the zone’s really changes', () => {
    const zone = createZoneState(page)
    zone.learn({ abbreviation: 'MSK', utc_offset: '+03:00' })
    assert.equal(zone.abbreviation, 'МСК')
    zone.learn({ abbreviation: 'MSK', utc_offset: '+03:00' })
    assert.equal(zone.abbreviation, 'МСК')
    zone.learn({ abbreviation: 'MSD', utc_offset: '+04:00' })
    assert.equal(zone.abbreviation, 'MSD')
    assert.equal(zone.offsetMinutes, 240)
  })

  test('takes the API’s offset, and ignores one it cannot read', () => {
    const zone = createZoneState(page)
    zone.learn({ utc_offset: '-03:30' })
    assert.equal(zone.offsetMinutes, -210)
    zone.learn({ utc_offset: 'GMT+3' })
    assert.equal(zone.offsetMinutes, -210)
  })

  test('the transition is reached once; the API’s dst_until sets the next', () => {
    const zone = createZoneState({ ...page, untilMs: 1_000 })
    assert.equal(zone.reached(999), false)
    assert.equal(zone.reached(1_000), true)
    assert.equal(zone.reached(5_000), false)
    zone.learn({ dst_until: '1970-01-01T00:00:10+00:00' })
    assert.equal(zone.reached(9_999), false)
    assert.equal(zone.reached(10_000), true)
    zone.learn({ dst_until: null })
    assert.equal(zone.reached(Number.MAX_SAFE_INTEGER), false)
  })
})
