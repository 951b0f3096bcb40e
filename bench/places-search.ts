// The place index beside the IP table: each loaded in fresh processes (wall and CPU time, RSS after
// a GC on both sides, the modules imported before, as the server's bundle has them), the index
// file's size (plain and brotli, by section), then search's p50/p99/max over a few thousand
// realistic queries, 1-3 letter beginnings too, each run in a fresh process so first uses count;
// then, in fresh processes, the page paths' first look-up, one place's decoding, and the RSS left
// after decoding every place and after a crawl of every place page and every country page.
//
// Usage: node bench/places-search.ts   (prints JSON; times in ms, memory in MiB, sizes in MB)
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const TABLES = ['places', 'ipZones']
const RUNS = 5

if (process.argv[2] === '--load') await measureLoad(process.argv[3] as string)
else if (process.argv[2] === '--search') console.log(JSON.stringify(await measureSearch()))
else if (process.argv[2] === '--crawl') console.log(JSON.stringify(await measureCrawl()))
else {
  const loads = Object.fromEntries(
    TABLES.map((which) => {
      const runs = Array.from({ length: RUNS }, () => child('--load', which))
      return [
        which,
        {
          loadMs: median(runs, 'loadMs'),
          fastestLoadMs: round(Math.min(...runs.map((r) => r.loadMs as number))),
          cpuMs: median(runs, 'cpuMs'),
          rssMiB: median(runs, 'rssMiB'),
          rssWithImportMiB: median(runs, 'rssWithImportMiB'),
        },
      ]
    }),
  )
  const searches = Array.from({ length: 3 }, () => child('--search'))
  const search = {
    queries: searches[0]?.queries,
    p50Ms: median(searches, 'p50Ms', 4),
    p99Ms: median(searches, 'p99Ms', 4),
    maxMs: median(searches, 'maxMs', 4),
  }
  const crawls = Array.from({ length: 3 }, () => child('--crawl'))
  const crawl = Object.fromEntries(
    Object.keys(crawls[0] ?? {}).map((key) => [key, median(crawls, key, 2)]),
  )
  console.log(JSON.stringify({ loads, size: await measureSize(), search, crawl }, null, 2))
}

function child(...args: string[]): Record<string, number> {
  const script = new URL(import.meta.url).pathname
  const out = execFileSync(process.execPath, ['--expose-gc', script, ...args]).toString()
  return JSON.parse(out)
}

async function measureLoad(which: string) {
  const gc = globalThis.gc ?? (() => {})
  const rss = () => {
    gc()
    return process.memoryUsage.rss() / 2 ** 20
  }
  const atStart = rss()
  const { loadPlaceIndex } = await import('../src/places/place-index.ts')
  const { loadIpZones } = await import('../src/ip/ip-zones.ts')
  const load = which === 'places' ? () => loadPlaceIndex() : () => loadIpZones()
  const before = rss()
  const cpu = process.cpuUsage()
  const started = performance.now()
  const table = load()
  const loadMs = performance.now() - started
  const { user, system } = process.cpuUsage(cpu)
  const after = rss()
  if (!table) throw new Error('nothing loaded')
  console.log(
    JSON.stringify({
      loadMs,
      cpuMs: (user + system) / 1000,
      rssMiB: after - before,
      // The same with the modules' own import inside the window (how this bench measured first).
      rssWithImportMiB: after - atStart,
    }),
  )
}

async function measureSize() {
  const { compressIndexFile, PLACES_DIR, INDEX_FILES } = await import(
    '../src/places/place-index.ts'
  )
  const { SECTIONS } = await import('../src/places/index-read.ts')
  const { MAGIC } = await import('../src/places/index-file.ts')
  const { createByteReader } = await import('../src/places/bytes.ts')
  const mb = (bytes: number) => round(bytes / 1e6, 3)
  const file = readFileSync(new URL(INDEX_FILES[0] as string, PLACES_DIR))
  const reader = createByteReader(file, MAGIC.length)
  const sections = Object.fromEntries(
    SECTIONS.map((name) => {
      const bytes = reader.section()
      return [name, { plain: mb(bytes.length), brotli: mb(compressIndexFile(bytes).length) }]
    }),
  )
  return { plain: mb(file.length), brotli: mb(compressIndexFile(file).length), sections }
}

async function measureSearch() {
  const { loadPlaceIndex } = await import('../src/places/place-index.ts')
  const { createPlaceSearch } = await import('../src/places/search.ts')
  const index = loadPlaceIndex()
  const search = createPlaceSearch(index)
  // Names of real places, typed whole and as their first letters, in both languages.
  const queries: string[] = []
  for (let i = 0; queries.length < 4000; i = (i * 7919 + 13) % index.size) {
    const place = index.place(i)
    const name = i % 2 === 0 || !place.ru ? place.name : place.ru
    queries.push(name, name.slice(0, 1 + (i % 3)), name.slice(0, 4 + (i % 4)))
  }
  queries.push('Казань', 'Saint Petersburg', 'Springfield', 'St Petersburg', 'Sao Paulo', 'Kiev')
  const times: number[] = []
  for (const query of queries) {
    const started = performance.now()
    search.search(query, 10)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => round(times[Math.floor(q * (times.length - 1))] as number, 4)
  return { queries: queries.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) }
}

/**
 * What the place pages cost: the first /city/ look-up (wall and CPU), a place's decoding, and the
 * RSS above the loaded index (after a GC) once every place is decoded and once every place page
 * and every country page (500 places each) has been looked up, as a crawler would.
 */
async function measureCrawl() {
  const gc = globalThis.gc ?? (() => {})
  const rss = () => {
    gc()
    return process.memoryUsage.rss() / 2 ** 20
  }
  const { loadPlaceIndex } = await import('../src/places/place-index.ts')
  const { createPlacePaths } = await import('../src/places/paths.ts')
  const index = loadPlaceIndex()
  const loaded = rss()
  const paths = createPlacePaths(index)
  const cpu = process.cpuUsage()
  let started = performance.now()
  if (paths.resolve('/city/Kazan')?.kind !== 'place') throw new Error('no Kazan')
  const firstLookUpMs = performance.now() - started
  const { user, system } = process.cpuUsage(cpu)
  const countries = new Set<string>()
  started = performance.now()
  for (let i = 0; i < index.size; i++) countries.add(index.place(i).country)
  const decodeUs = ((performance.now() - started) * 1000) / index.size
  const decodedMiB = rss() - loaded
  for (let i = 0; i < index.size; i++) paths.resolve(index.place(i).path)
  for (const country of countries) {
    for (let from = 0; from < paths.countrySize(country); from += 500) {
      paths.inCountry(country, from, 500)
    }
  }
  return {
    firstLookUpMs,
    firstLookUpCpuMs: (user + system) / 1000,
    decodeUs,
    decodedMiB,
    crawledMiB: rss() - loaded,
  }
}

function median(runs: Array<Record<string, number>>, key: string, digits = 1) {
  const sorted = runs.map((r) => r[key] as number).sort((a, b) => a - b)
  return round(sorted[Math.floor(sorted.length / 2)] as number, digits)
}

function round(value: number, digits = 1) {
  return Number(value.toFixed(digits))
}
