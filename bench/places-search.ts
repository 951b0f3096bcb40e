// The place index beside the IP table: each loaded in a fresh process (time, RSS after a GC on both
// sides), then search's p50/p99 over a few thousand realistic queries, 1-3 letter beginnings too.
//
// Usage: node bench/places-search.ts   (prints JSON; times in ms, memory in MiB)
import { execFileSync } from 'node:child_process'

const TABLES = ['places', 'ipZones']

if (process.argv[2] === '--load') {
  const which = process.argv[3] as string
  const gc = globalThis.gc ?? (() => {})
  const load =
    which === 'places'
      ? async () => (await import('../src/places/place-index.ts')).loadPlaceIndex()
      : async () => (await import('../src/ip/ip-zones.ts')).loadIpZones()
  gc()
  const rss = process.memoryUsage.rss()
  const started = performance.now()
  const table = await load()
  const loadMs = performance.now() - started
  gc()
  console.log(JSON.stringify({ loadMs, rssMiB: (process.memoryUsage.rss() - rss) / 2 ** 20 }))
  if (!table) throw new Error('nothing loaded')
} else {
  const loads = Object.fromEntries(
    TABLES.map((which) => {
      const runs = Array.from({ length: 3 }, () =>
        JSON.parse(
          execFileSync(process.execPath, [
            '--expose-gc',
            new URL(import.meta.url).pathname,
            '--load',
            which,
          ]).toString(),
        ),
      )
      const median = (key: string) =>
        runs.map((r) => r[key] as number).sort((a, b) => a - b)[1] as number
      return [which, { loadMs: round(median('loadMs')), rssMiB: round(median('rssMiB')) }]
    }),
  )
  console.log(JSON.stringify({ loads, search: await measureSearch() }, null, 2))
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

function round(value: number, digits = 1) {
  return Number(value.toFixed(digits))
}
