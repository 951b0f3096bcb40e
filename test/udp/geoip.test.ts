import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadIpZones } from '../../src/ip/ip-zones.ts'
import { createGeoIp } from '../../src/udp/geoip.ts'
import { buildTestApp, zones } from '../helpers.ts'

const ipZones = loadIpZones()
const ADDRESSES = [
  '8.8.8.8',
  '1.1.1.1',
  '77.88.8.8',
  '133.242.0.3',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '127.0.0.1',
  '10.1.2.3',
  '::1',
  'fe80::1%eth0',
]

test("GeoIP's zone of an address is /api/ip's, fallback included", async () => {
  for (const fallback of ['Asia/Tokyo', 'none']) {
    const app = buildTestApp({ IP_FALLBACK_ZONE: fallback })
    const geoip = createGeoIp(zones, () => ipZones, fallback === 'none' ? null : fallback)
    const zonesSeen = new Set<string | undefined>()
    for (const address of ADDRESSES) {
      const res = await app.inject(`/api/ip/${encodeURIComponent(address.replace(/%.*/, ''))}`)
      const expected = res.statusCode === 200 ? (res.json().timezone as string) : undefined
      assert.equal(geoip(address), expected, `${address} with IP_FALLBACK_ZONE=${fallback}`)
      zonesSeen.add(expected)
    }
    // The addresses span several zones, so the comparison means something.
    assert.ok(zonesSeen.size >= 3, [...zonesSeen].join(', '))
    await app.close()
  }
})
