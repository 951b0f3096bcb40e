// The data tables the service holds in memory once the bench has asked each route, each measured
// alone in this fresh process: what its module or file adds to V8's heap and to memory outside it.
// Prints JSON, in bytes.
import { memoryUsage } from 'node:process'

const gc = globalThis.gc
if (!gc) throw new Error('run with --expose-gc')

const held = () => {
  for (let pass = 0; pass < 4; pass++) gc()
  const { heapUsed, external } = memoryUsage()
  return heapUsed + external
}

// The module loader's own first-use allocations are not a table's.
await import('../src/time/clock.ts')
const before = held()
const { findPeriod, tzdbNames } = await import('../src/time/tzdb.ts')
// Every zone asked once: each zone's rules are decoded on its first use.
for (const zone of tzdbNames.zones) findPeriod(zone, 0)
const tzdb = held() - before
const { loadIpZones } = await import('../src/ip/ip-zones.ts')
const table = loadIpZones(new URL('../data/ip-zones/ip-zones.bin', import.meta.url))
const ipZones = held() - before - tzdb
const { createPlaceData } = await import('../src/routes/place-data.ts')
const placeData = createPlaceData()
// As the bench's /api/places?q= and /city/ routes use them: the search and the page paths.
const found =
  placeData.search().search('Kazan').length + (placeData.paths().resolve('/city/Kazan') ? 1 : 0)
const places = held() - before - tzdb - ipZones
// Read after the measure, so the tables are still held when it is taken.
if (table.zones.length === 0 || found === 0) throw new Error('a table did not load')
console.log(JSON.stringify({ tzdb, ipZones, places }))
