// Measures the coordinates -> zone shapes (docs/zone-shapes.md): size plain and brotli, load time
// and RSS in fresh processes (from the plain file and from <file>.br, as the image ships it), and
// the cost of one lookup: p50 and p99 timed one by one, the mean over a pass, bytes allocated.
//
// Usage: node bench/zone-shapes.ts [runs]   (default 5 fresh processes for each load)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getHeapStatistics } from 'node:v8'

const FILE = new URL('../data/zone-shapes/zone-shapes.bin', import.meta.url)
const FIXTURE = new URL('../test/places/zone-at-points.tsv', import.meta.url)

type Load = { importMs: number; loadMs: number; rssMiB: number }

if (process.argv[2] === '--load') {
  // One fresh process: import the module, then load and look up once; RSS after a GC on both sides.
  const gc = globalThis.gc ?? (() => {})
  const t0 = performance.now()
  const { loadZoneShapes } = await import('../src/places/zone-at.ts')
  const t1 = performance.now()
  gc()
  const rss = process.memoryUsage.rss()
  const t2 = performance.now()
  const shapes = loadZoneShapes(new URL(process.argv[3] as string))
  shapes.zoneAt(55.75, 37.62)
  const t3 = performance.now()
  gc()
  const load: Load = {
    importMs: t1 - t0,
    loadMs: t3 - t2,
    rssMiB: (process.memoryUsage.rss() - rss) / 2 ** 20,
  }
  console.log(JSON.stringify(load))
} else await main(Number(process.argv[2] ?? 5))

async function main(runs: number): Promise<void> {
  const { compressZoneShapes, loadZoneShapes } = await import('../src/places/zone-at.ts')
  const plain = readFileSync(FILE)
  const dir = mkdtempSync(join(tmpdir(), 'zone-shapes-bench-'))
  const compressed = compressZoneShapes(plain)
  // Only the .br beside the missing plain file, as in the image.
  writeFileSync(join(dir, 'zone-shapes.bin.br'), compressed)
  const fromBrotli = pathToFileURL(join(dir, 'zone-shapes.bin')).href
  const plainLoads = loads(FILE.href, runs)
  const brotliLoads = loads(fromBrotli, runs)
  rmSync(dir, { recursive: true, force: true })

  const shapes = loadZoneShapes()
  const report = {
    file: 'data/zone-shapes/zone-shapes.bin',
    bytes: plain.length,
    brotliBytes: compressed.length,
    zones: shapes.zones.length,
    runs,
    fromPlain: summarise(plainLoads),
    fromBrotli: summarise(brotliLoads),
    lookupUniform: timeLookups(shapes.zoneAt, uniformPoints(200_000)),
    lookupLand: timeLookups(shapes.zoneAt, landPoints(200_000)),
  }
  console.log(JSON.stringify(report, null, 2))
}

function loads(file: string, runs: number): Load[] {
  const script = new URL(import.meta.url).pathname
  return Array.from(
    { length: runs },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', script, '--load', file], {
          encoding: 'utf8',
        }),
      ) as Load,
  )
}

function summarise(runs: Load[]) {
  const median = (values: number[]) =>
    +(values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number).toFixed(1)
  return {
    importMs: median(runs.map((l) => l.importMs)),
    loadMs: median(runs.map((l) => l.loadMs)),
    loadMsRange: [
      Math.min(...runs.map((l) => l.loadMs)),
      Math.max(...runs.map((l) => l.loadMs)),
    ].map((ms) => +ms.toFixed(1)),
    rssMiB: median(runs.map((l) => l.rssMiB)),
  }
}

// Uniform on the sphere: about two in three at sea.
function uniformPoints(count: number): Float64Array {
  const points = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    points[2 * i] = (Math.asin(2 * Math.random() - 1) * 180) / Math.PI
    points[2 * i + 1] = 360 * Math.random() - 180
  }
  return points
}

// The fixture's points on land, each moved up to 0.01 degrees: many near a border or a coast.
function landPoints(count: number): Float64Array {
  const land = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.includes('Etc/GMT'))
    .map((line) => line.split('\t').map(Number) as [number, number])
  const points = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    const [lat, lon] = land[i % land.length] as [number, number]
    points[2 * i] = Math.max(-90, Math.min(90, lat + (Math.random() - 0.5) / 50))
    points[2 * i + 1] = Math.max(-180, Math.min(180, lon + (Math.random() - 0.5) / 50))
  }
  return points
}

function timeLookups(zoneAt: (lat: number, lon: number) => string | undefined, p: Float64Array) {
  const count = p.length / 2
  let found = 0
  const pass = () => {
    for (let i = 0; i < p.length; i += 2) {
      if (zoneAt(p[i] as number, p[i + 1] as number) !== undefined) found++
    }
  }
  pass() // warm-up: compiles the lookup
  const allocated = getHeapStatistics().total_allocated_bytes
  const started = process.hrtime.bigint()
  pass()
  const meanNs = Number(process.hrtime.bigint() - started) / count
  const bytes = (getHeapStatistics().total_allocated_bytes - allocated) / count
  // One by one: each figure includes a clock read (tens of ns).
  const each = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const t = process.hrtime.bigint()
    zoneAt(p[2 * i] as number, p[2 * i + 1] as number)
    each[i] = Number(process.hrtime.bigint() - t)
  }
  each.sort()
  const us = (q: number) => +((each[Math.floor(q * (count - 1))] as number) / 1000).toFixed(2)
  return {
    points: count,
    meanUs: +(meanNs / 1000).toFixed(3),
    p50Us: us(0.5),
    p99Us: us(0.99),
    p999Us: us(0.999),
    bytesPerLookup: +bytes.toFixed(2),
    answered: found / 2 / count,
  }
}
