// Phase: the place index beside the IP table, and the search in-process (bench/places-search.ts,
// each figure from fresh processes, run while no server is loaded); under load, the
// /api/places?q= route's rows in the other tables.
import { execFileSync } from 'node:child_process'
import { fixed, row } from '../markdown.ts'
import { ROOT } from '../servers.ts'

type Load = { loadMs: number; cpuMs: number; rssMiB: number }
type Measured = {
  loads: { places: Load; ipZones: Load }
  size: { plain: number; brotli: number }
  search: { queries: number; p50Ms: number; p99Ms: number; maxMs: number }
  crawl: { firstLookUpMs: number }
}
export type Tables = { lines: string[] }

export const measureTables = (): Tables => {
  const out = execFileSync(process.execPath, ['bench/places-search.ts'], { cwd: ROOT })
  const { loads, size, search, crawl } = JSON.parse(out.toString()) as Measured
  const load = (name: string, { loadMs, cpuMs, rssMiB }: Load) =>
    row([name, fixed(loadMs, 1), fixed(cpuMs, 1), fixed(rssMiB, 1)])
  return {
    lines: [
      '| table | load ms (median of 5) | CPU ms | RSS MiB after a GC |',
      '| --- | ---: | ---: | ---: |',
      load(`place index (${size.plain} MB plain, ${size.brotli} MB brotli)`, loads.places),
      load('IP table', loads.ipZones),
      '',
      `Search in-process, ${search.queries} queries (names, 1–3 letter beginnings, both languages), median of 3 fresh processes: p50 ${search.p50Ms} ms, p99 ${search.p99Ms} ms, max ${search.maxMs} ms; a page path's first look-up ${crawl.firstLookUpMs} ms.`,
    ],
  }
}
