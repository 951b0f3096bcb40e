import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createTimeDescriber, type TimeInfo } from '../../src/time/time-info.ts'
import { FIXED_INSTANT, MOSCOW_AT_FIXED_INSTANT } from '../fixtures.ts'

const describeTime = createTimeDescriber()
const at = (iso: string, zone: string): TimeInfo => describeTime(Temporal.Instant.from(iso), zone)
const pick = (info: TimeInfo, ...keys: Array<keyof TimeInfo>) =>
  Object.fromEntries(keys.map((key) => [key, info[key]]))

describe('Moscow', () => {
  test('gives the design example field for field', () => {
    assert.deepEqual(at(FIXED_INSTANT, 'Europe/Moscow'), MOSCOW_AT_FIXED_INSTANT)
  })

  test('moved to permanent +04 MSK on 2011-03-27', () => {
    const fields = ['utc_offset', 'raw_offset', 'dst', 'abbreviation'] as const
    assert.deepEqual(pick(at('2011-03-26T22:59:59Z', 'Europe/Moscow'), ...fields), {
      utc_offset: '+03:00',
      raw_offset: 10800,
      dst: false,
      abbreviation: 'MSK',
    })
    assert.deepEqual(pick(at('2011-03-26T23:00:00Z', 'Europe/Moscow'), ...fields), {
      utc_offset: '+04:00',
      raw_offset: 14400,
      dst: false,
      abbreviation: 'MSK',
    })
  })

  test('went back to +03 MSK on 2014-10-26', () => {
    assert.equal(
      at('2014-10-25T21:59:59Z', 'Europe/Moscow').datetime,
      '2014-10-26T01:59:59.000000+04:00',
    )
    const after = at('2014-10-25T22:00:00Z', 'Europe/Moscow')
    assert.equal(after.datetime, '2014-10-26T01:00:00.000000+03:00')
    assert.deepEqual(pick(after, 'raw_offset', 'dst', 'abbreviation'), {
      raw_offset: 10800,
      dst: false,
      abbreviation: 'MSK',
    })
  })

  test('reported MSD summer time before 2011', () => {
    const summer = at('2010-07-01T00:00:00Z', 'Europe/Moscow')
    assert.deepEqual(
      pick(summer, 'abbreviation', 'dst', 'dst_offset', 'raw_offset', 'dst_from', 'dst_until'),
      {
        abbreviation: 'MSD',
        dst: true,
        dst_offset: 3600,
        raw_offset: 10800,
        dst_from: '2010-03-27T23:00:00+00:00',
        dst_until: '2010-10-30T23:00:00+00:00',
      },
    )
  })
})

describe('New York in 2026', () => {
  const fields = [
    'datetime',
    'abbreviation',
    'dst',
    'dst_offset',
    'raw_offset',
    'utc_offset',
  ] as const
  test('springs forward at 2026-03-08T07:00:00Z', () => {
    assert.deepEqual(pick(at('2026-03-08T06:59:59Z', 'America/New_York'), ...fields), {
      datetime: '2026-03-08T01:59:59.000000-05:00',
      abbreviation: 'EST',
      dst: false,
      dst_offset: 0,
      raw_offset: -18000,
      utc_offset: '-05:00',
    })
    const after = at('2026-03-08T07:00:00Z', 'America/New_York')
    assert.deepEqual(pick(after, ...fields), {
      datetime: '2026-03-08T03:00:00.000000-04:00',
      abbreviation: 'EDT',
      dst: true,
      dst_offset: 3600,
      raw_offset: -18000,
      utc_offset: '-04:00',
    })
    assert.equal(after.dst_from, '2026-03-08T07:00:00+00:00')
    assert.equal(after.dst_until, '2026-11-01T06:00:00+00:00')
  })

  test('falls back at 2026-11-01T06:00:00Z', () => {
    const before = at('2026-11-01T05:59:59Z', 'America/New_York')
    assert.deepEqual(pick(before, 'datetime', 'abbreviation', 'dst'), {
      datetime: '2026-11-01T01:59:59.000000-04:00',
      abbreviation: 'EDT',
      dst: true,
    })
    assert.equal(before.dst_until, '2026-11-01T06:00:00+00:00')
    const after = at('2026-11-01T06:00:00Z', 'America/New_York')
    assert.deepEqual(pick(after, 'datetime', 'abbreviation', 'dst', 'dst_from', 'dst_until'), {
      datetime: '2026-11-01T01:00:00.000000-05:00',
      abbreviation: 'EST',
      dst: false,
      dst_from: null,
      dst_until: null,
    })
  })

  test('an alias answers under its own name with the same time', () => {
    const alias = at('2026-07-01T12:00:00Z', 'US/Eastern')
    const zone = at('2026-07-01T12:00:00Z', 'America/New_York')
    assert.equal(alias.timezone, 'US/Eastern')
    assert.deepEqual({ ...alias, timezone: zone.timezone }, zone)
  })
})

describe('southern hemisphere and odd offsets', () => {
  test('Sydney is on AEDT in January and AEST in July', () => {
    const fields = ['abbreviation', 'utc_offset', 'dst', 'dst_offset', 'raw_offset'] as const
    assert.deepEqual(pick(at('2026-01-15T00:00:00Z', 'Australia/Sydney'), ...fields), {
      abbreviation: 'AEDT',
      utc_offset: '+11:00',
      dst: true,
      dst_offset: 3600,
      raw_offset: 36000,
    })
    assert.deepEqual(pick(at('2026-07-15T00:00:00Z', 'Australia/Sydney'), ...fields), {
      abbreviation: 'AEST',
      utc_offset: '+10:00',
      dst: false,
      dst_offset: 0,
      raw_offset: 36000,
    })
  })

  test('Sydney DST ends 2026-04-04T16:00:00Z and starts again 2026-10-03T16:00:00Z', () => {
    const summer = at('2026-04-04T15:59:59Z', 'Australia/Sydney')
    assert.equal(summer.dst_until, '2026-04-04T16:00:00+00:00')
    assert.equal(at('2026-04-04T16:00:00Z', 'Australia/Sydney').utc_offset, '+10:00')
    assert.equal(
      at('2026-10-03T16:00:00Z', 'Australia/Sydney').dst_from,
      '2026-10-03T16:00:00+00:00',
    )
  })

  test('Lord Howe keeps a 30-minute DST', () => {
    const fields = ['abbreviation', 'utc_offset', 'dst', 'dst_offset', 'raw_offset'] as const
    assert.deepEqual(pick(at('2026-01-15T00:00:00Z', 'Australia/Lord_Howe'), ...fields), {
      abbreviation: '+11',
      utc_offset: '+11:00',
      dst: true,
      dst_offset: 1800,
      raw_offset: 37800,
    })
    assert.deepEqual(pick(at('2026-07-15T00:00:00Z', 'Australia/Lord_Howe'), ...fields), {
      abbreviation: '+1030',
      utc_offset: '+10:30',
      dst: false,
      dst_offset: 0,
      raw_offset: 37800,
    })
  })

  test('Kolkata, Kathmandu, Chatham and UTC', () => {
    const fields = ['abbreviation', 'utc_offset', 'raw_offset', 'dst'] as const
    const jan = '2026-01-15T00:00:00Z'
    assert.deepEqual(pick(at(jan, 'Asia/Kolkata'), ...fields), {
      abbreviation: 'IST',
      utc_offset: '+05:30',
      raw_offset: 19800,
      dst: false,
    })
    assert.deepEqual(pick(at(jan, 'Asia/Kathmandu'), ...fields), {
      abbreviation: '+0545',
      utc_offset: '+05:45',
      raw_offset: 20700,
      dst: false,
    })
    assert.deepEqual(pick(at(jan, 'Pacific/Chatham'), ...fields), {
      abbreviation: '+1345',
      utc_offset: '+13:45',
      raw_offset: 45900,
      dst: true,
    })
    assert.deepEqual(pick(at('2026-07-15T00:00:00Z', 'Pacific/Chatham'), ...fields), {
      abbreviation: '+1245',
      utc_offset: '+12:45',
      raw_offset: 45900,
      dst: false,
    })
    assert.deepEqual(pick(at(jan, 'UTC'), ...fields), {
      abbreviation: 'UTC',
      utc_offset: '+00:00',
      raw_offset: 0,
      dst: false,
    })
  })
})

describe('negative DST in tzdb is reported as positive DST', () => {
  test('Dublin: GMT standard in winter, IST daylight time in summer', () => {
    const fields = ['abbreviation', 'utc_offset', 'dst', 'dst_offset', 'raw_offset'] as const
    assert.deepEqual(pick(at('2026-01-15T00:00:00Z', 'Europe/Dublin'), ...fields), {
      abbreviation: 'GMT',
      utc_offset: '+00:00',
      dst: false,
      dst_offset: 0,
      raw_offset: 0,
    })
    assert.deepEqual(pick(at('2026-07-15T00:00:00Z', 'Europe/Dublin'), ...fields), {
      abbreviation: 'IST',
      utc_offset: '+01:00',
      dst: true,
      dst_offset: 3600,
      raw_offset: 0,
    })
  })

  test('Casablanca: +00 standard during Ramadan, +01 daylight time otherwise', () => {
    const fields = ['abbreviation', 'utc_offset', 'dst', 'dst_offset', 'raw_offset'] as const
    // Ramadan 2026 runs from about 18 February to 19 March.
    assert.deepEqual(pick(at('2026-03-01T12:00:00Z', 'Africa/Casablanca'), ...fields), {
      abbreviation: '+00',
      utc_offset: '+00:00',
      dst: false,
      dst_offset: 0,
      raw_offset: 0,
    })
    assert.deepEqual(pick(at('2026-07-15T12:00:00Z', 'Africa/Casablanca'), ...fields), {
      abbreviation: '+01',
      utc_offset: '+01:00',
      dst: true,
      dst_offset: 3600,
      raw_offset: 0,
    })
  })
})

describe('calendar fields', () => {
  const calendar = (iso: string) =>
    pick(at(iso, 'UTC'), 'day_of_week', 'day_of_year', 'week_number')
  test('ISO week at year boundaries', () => {
    assert.deepEqual(calendar('2026-12-31T12:00:00Z'), {
      day_of_week: 4,
      day_of_year: 365,
      week_number: 53,
    })
    assert.deepEqual(calendar('2027-01-01T12:00:00Z'), {
      day_of_week: 5,
      day_of_year: 1,
      week_number: 53,
    })
    assert.deepEqual(calendar('2027-01-04T12:00:00Z'), {
      day_of_week: 1,
      day_of_year: 4,
      week_number: 1,
    })
    assert.deepEqual(calendar('2020-12-31T12:00:00Z'), {
      day_of_week: 4,
      day_of_year: 366,
      week_number: 53,
    })
    assert.deepEqual(calendar('2024-12-30T12:00:00Z'), {
      day_of_week: 1,
      day_of_year: 365,
      week_number: 1,
    })
  })

  test('day of year counts 29 February', () => {
    assert.deepEqual(calendar('2024-02-29T00:00:00Z'), {
      day_of_week: 4,
      day_of_year: 60,
      week_number: 9,
    })
    assert.equal(at('2024-03-01T00:00:00Z', 'UTC').day_of_year, 61)
    assert.equal(at('2023-03-01T00:00:00Z', 'UTC').day_of_year, 60)
  })

  test('Sunday is day 0 and the local date decides it', () => {
    // 2026-11-28T21:30Z is already Sunday in Moscow but still Saturday in UTC.
    assert.equal(at('2026-11-28T21:30:00Z', 'Europe/Moscow').day_of_week, 0)
    assert.equal(at('2026-11-28T21:30:00Z', 'UTC').day_of_week, 6)
  })

  test('unixtime is whole seconds, rounded down, also before 1970', () => {
    assert.equal(at('2026-11-27T13:20:31.999999Z', 'UTC').unixtime, 1795785631)
    assert.equal(at('1969-12-31T23:59:59.500Z', 'UTC').unixtime, -1)
  })
})

test('a cached period is not reused for an instant outside it', () => {
  const describeFresh = createTimeDescriber()
  assert.equal(
    describeFresh(Temporal.Instant.from('2026-07-01T00:00:00Z'), 'Europe/Berlin').abbreviation,
    'CEST',
  )
  assert.equal(
    describeFresh(Temporal.Instant.from('2026-12-01T00:00:00Z'), 'Europe/Berlin').abbreviation,
    'CET',
  )
  assert.equal(
    describeFresh(Temporal.Instant.from('2026-07-02T00:00:00Z'), 'Europe/Berlin').abbreviation,
    'CEST',
  )
})

test('a cached period ends where a zone renames its offset without changing it', () => {
  // British Columbia stays on UTC-7 from 2026-11-01, which tzdb 2026f calls MST, not PDT.
  const describeFresh = createTimeDescriber()
  const summer = describeFresh(Temporal.Instant.from('2026-07-15T00:00:00Z'), 'America/Vancouver')
  assert.deepEqual(pick(summer, 'abbreviation', 'dst', 'raw_offset', 'utc_offset'), {
    abbreviation: 'PDT',
    dst: true,
    raw_offset: -28800,
    utc_offset: '-07:00',
  })
  const winter = describeFresh(Temporal.Instant.from('2026-11-27T00:00:00Z'), 'America/Vancouver')
  assert.deepEqual(pick(winter, 'abbreviation', 'dst', 'raw_offset', 'utc_offset', 'dst_until'), {
    abbreviation: 'MST',
    dst: false,
    raw_offset: -25200,
    utc_offset: '-07:00',
    dst_until: null,
  })
  const summerAgain = describeFresh(
    Temporal.Instant.from('2026-07-20T00:00:00Z'),
    'America/Vancouver',
  )
  assert.equal(summerAgain.abbreviation, 'PDT')
})

test('Casablanca stays on +00 standard time from 2026-09-20', () => {
  assert.deepEqual(
    pick(at('2026-11-27T12:00:00Z', 'Africa/Casablanca'), 'abbreviation', 'dst', 'raw_offset'),
    {
      abbreviation: '+00',
      dst: false,
      raw_offset: 0,
    },
  )
})

describe('zone rules come from the vendored tzdb, not the runtime', () => {
  test('Havana stays on CDT this winter (tzdb 2026f), whatever ICU says', () => {
    const info = at('2026-11-28T12:00:00Z', 'America/Havana')
    assert.deepEqual(
      pick(info, 'utc_offset', 'abbreviation', 'dst', 'dst_offset', 'raw_offset', 'dst_until'),
      {
        utc_offset: '-04:00',
        abbreviation: 'CDT',
        dst: true,
        dst_offset: 3600,
        raw_offset: -18000,
        dst_until: '2027-11-07T05:00:00+00:00',
      },
    )
  })

  test("DST amounts are tzdb's own saves, not guesses from neighbouring offsets", () => {
    // Lord Howe saves 30 minutes; Rarotonga saved 30 minutes in 1979-1991; Indiana's Winamac
    // came from Central to Eastern daylight time in 2007, a 2 h jump but a 1 h save.
    assert.equal(at('2027-01-15T00:00:00Z', 'Australia/Lord_Howe').dst_offset, 1800)
    assert.equal(at('1985-01-15T00:00:00Z', 'Pacific/Rarotonga').dst_offset, 1800)
    assert.equal(at('2007-07-01T00:00:00Z', 'America/Indiana/Winamac').dst_offset, 3600)
  })

  test('beyond the table (2101), the footer rule goes on', () => {
    // 2126's last Sundays of March and October are the 31st and the 27th.
    const summer = at('2126-07-28T12:00:00Z', 'Europe/Dublin')
    assert.deepEqual(pick(summer, 'abbreviation', 'dst', 'dst_offset', 'dst_from', 'dst_until'), {
      abbreviation: 'IST',
      dst: true,
      dst_offset: 3600,
      dst_from: '2126-03-31T01:00:00+00:00',
      dst_until: '2126-10-27T01:00:00+00:00',
    })
    const winter = at('2101-01-15T00:00:00Z', 'America/New_York')
    assert.deepEqual(pick(winter, 'abbreviation', 'utc_offset', 'dst'), {
      abbreviation: 'EST',
      utc_offset: '-05:00',
      dst: false,
    })
  })
})
