import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { parsePosixTz } from '../../src/time/posix-tz.ts'
import { posixTzOf, tzdbNames } from '../../src/time/tzdb.ts'
import { MAX_ANSWER } from '../../src/udp/datagram.ts'
import {
  createTimezonedLookup,
  TIMEZONED_ERRORS,
  zonesByCountry,
} from '../../src/udp/timezoned-lookup.ts'
import { zones } from '../helpers.ts'

const lookup = createTimezonedLookup(zones)
const noGeoIp = () => assert.fail('only GeoIP asks for the sender’s zone')
const answer = (query: string) => lookup.answer(query, noGeoIp).text

describe('a zone or link name', () => {
  test('is answered with its POSIX TZ string, as the original server does', () => {
    assert.equal(answer('Europe/Moscow'), 'OK Europe/Moscow MSK-3')
    assert.equal(answer('Europe/London'), 'OK Europe/London GMT0BST,M3.5.0/1,M10.5.0')
    assert.equal(
      answer('America/Argentina/Buenos_Aires'),
      'OK America/Argentina/Buenos_Aires <-03>3',
    )
  })

  test('in any case, with spaces for underscores, names the zone as tzdb spells it', () => {
    assert.equal(answer('europe/MOSCOW'), 'OK Europe/Moscow MSK-3')
    assert.equal(answer('America/New York'), 'OK America/New_York EST5EDT,M3.2.0,M11.1.0')
  })

  test('a link is answered under its own name, one-part names included', () => {
    assert.equal(answer('US/Eastern'), 'OK US/Eastern EST5EDT,M3.2.0,M11.1.0')
    assert.equal(answer('utc'), 'OK UTC UTC0')
    assert.equal(answer('Europe/Kiev'), 'OK Europe/Kiev EET-2EEST,M3.5.0/3,M10.5.0/4')
  })

  test('Dublin is sent with positive DST for ezTime; tzdb’s own string is negative', () => {
    assert.equal(posixTzOf('Europe/Dublin'), 'IST-1GMT0,M10.5.0,M3.5.0/1')
    assert.equal(answer('Europe/Dublin'), 'OK Europe/Dublin GMT0IST,M3.5.0/1,M10.5.0')
    assert.equal(answer('Eire'), 'OK Eire GMT0IST,M3.5.0/1,M10.5.0')
    assert.equal(answer('IE'), 'OK Europe/Dublin GMT0IST,M3.5.0/1,M10.5.0')
  })

  test('Dublin’s is the only footer with negative DST, so the only one rewritten', () => {
    const names = [...tzdbNames.zones, ...Object.keys(tzdbNames.links)]
    const negative = names.filter((name) => {
      const rule = parsePosixTz(posixTzOf(name) ?? '')
      return rule?.daylight !== undefined && rule.daylight.offset < rule.standard.offset
    })
    assert.deepEqual(negative.sort(), ['Eire', 'Europe/Dublin'])
  })
})

describe('a part of a name', () => {
  test('finds the zone it is the last part of, as the original does', () => {
    assert.equal(answer('moscow'), 'OK Europe/Moscow MSK-3')
    assert.equal(answer('york'), 'OK America/New_York EST5EDT,M3.2.0,M11.1.0')
    assert.equal(answer('buenos aires'), 'OK America/Argentina/Buenos_Aires <-03>3')
  })

  test('several matches: the whole last part, then its beginning, then zones before links, then A-Z', () => {
    // Berlin's last part is the whole query; no other name has it.
    assert.equal(answer('berlin'), 'OK Europe/Berlin CET-1CEST,M3.5.0,M10.5.0/3')
    // America/Indianapolis is a link, America/Indiana/Indianapolis the zone.
    assert.equal(answer('indianapolis'), 'OK America/Indiana/Indianapolis EST5EDT,M3.2.0,M11.1.0')
    assert.equal(answer('indiana'), 'OK America/Indiana/Indianapolis EST5EDT,M3.2.0,M11.1.0')
    // A last part's beginning beats an area's: Asia/Ho_Chi_Minh, not any name under Asia/.
    assert.match(answer('ho_chi'), /^OK Asia\/Ho_Chi_Minh /)
    // Only areas match: the first zone of the area, alphabetically.
    assert.equal(answer('america'), 'OK America/Adak HST10HDT,M3.2.0,M11.1.0')
  })

  test('that no name contains is not found', () => {
    assert.equal(answer('Mars/Base'), TIMEZONED_ERRORS.timezone_not_found)
    assert.equal(answer('x'.repeat(400)), 'ERROR Timezone Not Found')
  })
})

describe('two letters', () => {
  test('name a country: its one zone, or an error saying why not', () => {
    assert.equal(answer('NL'), 'OK Europe/Amsterdam CET-1CEST,M3.5.0,M10.5.0/3')
    assert.equal(answer('jp'), 'OK Asia/Tokyo JST-9')
    assert.equal(answer('US'), 'ERROR Country Spans Multiple Timezones')
    assert.equal(answer('XX'), 'ERROR Country Not Found')
  })

  test('UK is GB and DE is Berlin, as in the original; GB and NZ are countries, not links', () => {
    assert.equal(answer('UK'), 'OK Europe/London GMT0BST,M3.5.0/1,M10.5.0')
    assert.equal(answer('GB'), 'OK Europe/London GMT0BST,M3.5.0/1,M10.5.0')
    assert.equal(answer('DE'), 'OK Europe/Berlin CET-1CEST,M3.5.0,M10.5.0/3')
    assert.equal(answer('NZ'), 'ERROR Country Spans Multiple Timezones')
  })

  test("a country's zones are zone.tab's, read from the vendored tzdb", () => {
    const listed = new Map<string, string[]>()
    const tab = readFileSync(new URL('../../data/tzdb/zone.tab', import.meta.url), 'utf8')
    for (const line of tab.split('\n')) {
      if (!line || line.startsWith('#')) continue
      const [code = '', , zone = ''] = line.split('\t')
      listed.set(code, [...(listed.get(code) ?? []), zone])
    }
    const ours = zonesByCountry()
    assert.equal(ours.size, listed.size)
    for (const [code, zonesOfCode] of listed)
      assert.deepEqual(ours.get(code)?.toSorted(), zonesOfCode.toSorted(), code)
  })
})

describe('GeoIP', () => {
  test("answers the sender's zone, in any case", () => {
    assert.equal(lookup.answer('GeoIP', () => 'Asia/Tokyo').text, 'OK Asia/Tokyo JST-9')
    assert.equal(lookup.answer('geoip', () => 'Europe/Moscow').text, 'OK Europe/Moscow MSK-3')
  })

  test('says the lookup failed when the sender has no zone', () => {
    assert.deepEqual(
      lookup.answer('GeoIP', () => undefined),
      {
        kind: 'geoip_failed',
        text: 'ERROR GeoIP Lookup Failed',
      },
    )
  })
})

test(`every answer fits in ${MAX_ANSWER} bytes: every name, every country, every error`, () => {
  const queries = [
    ...tzdbNames.zones,
    ...Object.keys(tzdbNames.links),
    ...zonesByCountry().keys(),
    'Mars/Base',
    'XX',
  ]
  const longest = Math.max(...queries.map((query) => Buffer.byteLength(answer(query))))
  assert.ok(longest <= MAX_ANSWER, `${longest} bytes`)
})
