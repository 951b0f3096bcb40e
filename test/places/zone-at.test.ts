import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { compressZoneShapes, loadZoneShapes } from '../../src/places/zone-at.ts'
import { decodeZoneShapes } from '../../src/places/zone-shapes-format.ts'
import { oceanZoneAt } from '../../src/places/zone-shapes-quadtree.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const DATA = new URL('../../data/zone-shapes/', import.meta.url)
const FILE = new URL('zone-shapes.bin', DATA)
const shapes = loadZoneShapes()

type Point = { lat: number; lon: number; zone: string }
// Points uniform on the sphere with geo-tz's first answer, written by generate:zone-shapes.
const fixture = readFileSync(new URL('zone-at-points.tsv', import.meta.url), 'utf8')
const points: Point[] = fixture
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [lat, lon, zone] = line.split('\t')
    return { lat: Number(lat), lon: Number(lon), zone: zone as string }
  })
const atSea = (zone: string) => /^Etc\/GMT([+-]\d+)?$/.test(zone)

describe('zoneAt, against geo-tz', () => {
  test('the fixture comes from the geo-tz the shapes were built from, 2,000 on land, 200 at sea', () => {
    const source = JSON.parse(readFileSync(new URL('source.json', DATA), 'utf8'))
    assert.equal(source.geoTz, shapes.source.geoTz)
    assert.match(fixture, new RegExp(`^# .*geo-tz ${shapes.source.geoTz} \\(geo-tz/all\\)`))
    assert.equal(points.filter((p) => !atSea(p.zone)).length, 2000)
    assert.equal(points.filter((p) => atSea(p.zone)).length, 200)
  })

  test('agrees on at least 99.9 % of the random points on land', () => {
    const land = points.filter((p) => !atSea(p.zone))
    const misses = land.filter((p) => shapes.zoneAt(p.lat, p.lon) !== p.zone)
    const agree = land.length - misses.length
    assert.ok(agree >= 0.999 * land.length, `${agree} of ${land.length}: ${JSON.stringify(misses)}`)
  })

  test('agrees on every random point at sea', () => {
    for (const p of points.filter((p) => atSea(p.zone))) {
      assert.equal(shapes.zoneAt(p.lat, p.lon), p.zone, `${p.lat},${p.lon}`)
    }
  })

  test('answers the zone of known places', () => {
    const places: Array<[string, number, number, string]> = [
      ['Moscow', 55.7558, 37.6173, 'Europe/Moscow'],
      ['Kazan', 55.7963, 49.1088, 'Europe/Moscow'],
      ['Samara', 53.1959, 50.1002, 'Europe/Samara'],
      ['Astrakhan', 46.3497, 48.0408, 'Europe/Astrakhan'],
      ['Kaliningrad', 54.71, 20.51, 'Europe/Kaliningrad'],
      ['Kyiv', 50.4501, 30.5234, 'Europe/Kyiv'],
      ['Greenwich', 51.4779, 0, 'Europe/London'],
      ['New York', 40.7128, -74.006, 'America/New_York'],
      ['Phoenix', 33.4484, -112.074, 'America/Phoenix'],
      ['Ciudad Juárez', 31.6904, -106.4245, 'America/Ciudad_Juarez'],
      ['at sea off Cape Town', -34.5, 17, 'Etc/GMT-1'],
      ['Null Island, at sea', 0, 0, 'Etc/GMT'],
    ]
    for (const [name, lat, lon, zone] of places) assert.equal(shapes.zoneAt(lat, lon), zone, name)
  })

  test('answers at the poles and on the antimeridian as geo-tz does', () => {
    // Every sea zone meets at the North Pole; geo-tz lists them all, Etc/GMT-12 first.
    assert.equal(shapes.zoneAt(90, 0), 'Etc/GMT-12')
    assert.equal(shapes.zoneAt(90, -100), 'Etc/GMT-12')
    assert.equal(shapes.zoneAt(89.99995, 50), 'Etc/GMT-3')
    assert.equal(shapes.zoneAt(-90, 0), 'Antarctica/McMurdo')
    assert.equal(shapes.zoneAt(-90, 139), 'Antarctica/McMurdo')
    for (const lon of [180, -180]) {
      assert.equal(shapes.zoneAt(0, lon), 'Etc/GMT+12', `sea at ${lon}`)
      assert.equal(shapes.zoneAt(65.5, lon), 'Asia/Anadyr', `Chukotka at ${lon}`)
      assert.equal(shapes.zoneAt(-16.8, lon), 'Pacific/Fiji', `Taveuni at ${lon}`)
    }
    assert.equal(shapes.zoneAt(0, 179.99995), 'Etc/GMT-12')
  })

  test('answers undefined for coordinates that are not on the globe', () => {
    for (const [lat, lon] of [
      [Number.NaN, 0],
      [0, Number.NaN],
      [90.000001, 0],
      [-90.000001, 0],
      [0, 180.000001],
      [0, -180.000001],
      [Number.POSITIVE_INFINITY, 0],
      [0, Number.NEGATIVE_INFINITY],
    ] as Array<[number, number]>) {
      assert.equal(shapes.zoneAt(lat, lon), undefined, `${lat},${lon}`)
    }
  })

  test('answers only zones the service knows', () => {
    const registry = createZoneRegistry()
    const sea = Array.from({ length: 25 }, (_, i) => oceanZoneAt(-180 + 15 * i))
    for (const zone of [...shapes.zones, ...sea]) {
      assert.ok(registry.resolve(zone), `${zone} is unknown to the service`)
    }
  })
})

describe('oceanZoneAt', () => {
  test('gives 15-degree bands centred on whole hours, east of a band edge, UTC+3 as Etc/GMT-3', () => {
    assert.equal(oceanZoneAt(45), 'Etc/GMT-3')
    assert.equal(oceanZoneAt(-45), 'Etc/GMT+3')
    assert.equal(oceanZoneAt(7.4999), 'Etc/GMT')
    assert.equal(oceanZoneAt(7.5), 'Etc/GMT-1')
    assert.equal(oceanZoneAt(-7.5), 'Etc/GMT')
    assert.equal(oceanZoneAt(-7.5001), 'Etc/GMT+1')
    assert.equal(oceanZoneAt(172.5), 'Etc/GMT-12')
    assert.equal(oceanZoneAt(-172.5), 'Etc/GMT+11')
    assert.equal(oceanZoneAt(-179.9), 'Etc/GMT+12')
    assert.equal(oceanZoneAt(180), 'Etc/GMT+12')
  })
})

describe('loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zone-shapes-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('reads <file>.br where the plain file is missing, with the same answers', () => {
    const plain = readFileSync(FILE)
    writeFileSync(join(dir, 'zone-shapes.bin.br'), compressZoneShapes(plain, 5))
    const fromBrotli = loadZoneShapes(pathToFileURL(join(dir, 'zone-shapes.bin')))
    assert.deepEqual(fromBrotli.zones, shapes.zones)
    for (const p of points.slice(0, 300)) {
      assert.equal(fromBrotli.zoneAt(p.lat, p.lon), shapes.zoneAt(p.lat, p.lon))
    }
  })

  test('reads nothing when imported: loading reads the file', async () => {
    // A copy of the module without the data beside it imports fine and fails on first use.
    const places = join(dir, 'src', 'places')
    mkdirSync(places, { recursive: true })
    for (const name of ['zone-at.ts', 'zone-shapes-format.ts', 'zone-shapes-quadtree.ts']) {
      copyFileSync(new URL(`../../src/places/${name}`, import.meta.url), join(places, name))
    }
    copyFileSync(
      new URL('../../src/table-file.ts', import.meta.url),
      join(dir, 'src', 'table-file.ts'),
    )
    const copy = (await import(pathToFileURL(join(places, 'zone-at.ts')).href)) as {
      loadZoneShapes: typeof loadZoneShapes
    }
    assert.throws(() => copy.loadZoneShapes(), { code: 'ENOENT' })
  })

  test('refuses a file that is not zone shapes, or is cut short', () => {
    const plain = readFileSync(FILE)
    assert.throws(() => decodeZoneShapes(new TextEncoder().encode('IPZ1\0\0\0\0')), /magic/)
    assert.throws(() => decodeZoneShapes(plain.subarray(0, plain.length - 1)), /truncated/)
  })
})
