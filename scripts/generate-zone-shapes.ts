// Builds data/zone-shapes/zone-shapes.bin, coordinates -> zone at run time, from geo-tz's polygons
// (timezone-boundary-builder's): its quadtree, borders simplified within a tolerance, then checks
// 100,000 random points on land against geo-tz and writes the accuracy into source.json, and
// test/places/zone-at-points.tsv, the points the tests check without geo-tz. docs/zone-shapes.md.
//
// Usage: node scripts/generate-zone-shapes.ts [--metres 300] [--max-vertices 96] [--points 100000]
// The inputs (~75 MB of polygons) live in scripts/zone-shapes/, installed there on demand.
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { compressZoneShapes, loadZoneShapes } from '../src/places/zone-at.ts'
import type { ZoneShapesSource } from '../src/places/zone-shapes-format.ts'
import { type Accuracy, isSea, measure, type Sample, samplePoints } from './zone-shapes/accuracy.ts'
import { buildTree } from './zone-shapes/build-tree.ts'
import { encodeTree } from './zone-shapes/encode.ts'
import { loadInputs } from './zone-shapes/inputs.ts'

// geo-tz does not name the timezone-boundary-builder release it carries: its changelog does.
// Moving geo-tz means looking it up and changing both.
const BOUNDARY_BUILDER = { geoTz: '8.1.9', release: '2026d' }
const UNITS_PER_DEGREE = 10_000
const OUT = new URL('../data/zone-shapes/', import.meta.url)
const FIXTURE = new URL('../test/places/zone-at-points.tsv', import.meta.url)

if (import.meta.main) await main()

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      metres: { type: 'string', default: '300' },
      'max-vertices': { type: 'string', default: '96' },
      points: { type: 'string', default: '100000' },
      'dry-run': { type: 'boolean', default: false },
    },
  })
  const started = performance.now()
  const inputs = await loadInputs()
  const geoTz = inputs.versions['geo-tz'] as string
  if (geoTz !== BOUNDARY_BUILDER.geoTz) {
    throw new Error(`geo-tz ${geoTz}: set BOUNDARY_BUILDER to the release it carries`)
  }
  const metres = Number(values.metres)
  const source: ZoneShapesSource = {
    geoTz,
    boundaryBuilder: BOUNDARY_BUILDER.release,
    toleranceMetres: metres,
  }
  const tree = buildTree(inputs, { metres, maxVertices: Number(values['max-vertices']) })
  const bytes = encodeTree(tree, source, UNITS_PER_DEGREE)
  const built = performance.now()
  console.log(`built ${bytes.length} bytes in ${((built - started) / 1000).toFixed(1)} s`)

  const shapes = loadZoneShapes(bytes)
  const samples = samplePoints(inputs.find, Number(values.points))
  const accuracy = measure(samples, shapes.zoneAt, inputs)
  const summary = summarise(source, bytes, shapes.zones.length, accuracy)
  console.log(JSON.stringify(summary, null, 2))
  printDisagreements(accuracy)
  check(accuracy, samples)
  if (values['dry-run']) return
  mkdirSync(OUT, { recursive: true })
  writeFileSync(new URL('zone-shapes.bin', OUT), bytes)
  writeFileSync(new URL('source.json', OUT), `${JSON.stringify(summary, null, 2)}\n`)
  writeFileSync(FIXTURE, fixture(samples, geoTz))
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

function summarise(source: ZoneShapesSource, bytes: Uint8Array, zones: number, a: Accuracy) {
  const metres = a.disagreements.map((d) => d.metres).sort((x, y) => x - y)
  const percent = (part: number, whole: number) => Number(((100 * part) / whole).toFixed(3))
  return {
    ...source,
    geoTzEntryPoint: 'geo-tz/all',
    generated: new Date().toISOString().slice(0, 10),
    licence: 'ODbL: contains information from timezone-boundary-builder (OpenStreetMap)',
    zones,
    bytes: bytes.length,
    brotliBytes: compressZoneShapes(bytes).length,
    accuracy: {
      land: { ...a.land, percent: percent(a.land.agree, a.land.points) },
      sea: { ...a.sea, percent: percent(a.sea.agree, a.sea.points) },
      disagreementMetresFromBorder: {
        median: Math.round(metres[metres.length >> 1] ?? 0),
        max: Math.round(metres.at(-1) ?? 0),
        within100: metres.filter((m) => m <= 100).length,
      },
    },
  }
}

function printDisagreements({ disagreements }: Accuracy): void {
  for (const { lat, lon, geoTz, ours, metres } of disagreements) {
    console.log(`${lat},${lon}\tgeo-tz ${geoTz.join('|')}\tours ${ours}\t${metres.toFixed(0)} m`)
  }
}

// The first 2,000 points on land and 200 at sea, with geo-tz's first answer.
function fixturePoints(samples: Sample[]): Sample[] {
  return [
    ...samples.filter((s) => !isSea(s.zones[0] as string)).slice(0, 2000),
    ...samples.filter((s) => isSea(s.zones[0] as string)).slice(0, 200),
  ]
}

// What test/places/zone-at.test.ts asks of the fixture, and the issue of the 100,000 points.
function check(accuracy: Accuracy, samples: Sample[]): void {
  const { land, disagreements } = accuracy
  if (land.agree < 0.999 * land.points) {
    throw new Error(`${land.agree} of ${land.points} points on land agree: below 99.9 %`)
  }
  const missed = new Set(disagreements.map((d) => `${d.lat},${d.lon}`))
  const fixed = fixturePoints(samples).filter((s) => missed.has(`${s.lat},${s.lon}`))
  const atSea = fixed.filter((s) => isSea(s.zones[0] as string))
  if (atSea.length > 0 || fixed.length > 2) {
    throw new Error(`the fixture would fail: ${JSON.stringify(fixed)}`)
  }
}

function fixture(samples: Sample[], geoTz: string): string {
  const lines = fixturePoints(samples).map((s) => `${s.lat}\t${s.lon}\t${s.zones[0]}`)
  return [`# lat\tlon\tgeo-tz ${geoTz} (geo-tz/all), first answer`, ...lines, ''].join('\n')
}
