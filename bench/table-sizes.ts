// The data tables the service holds in memory, each measured alone in this fresh process: what its
// module or file adds to V8's heap and to memory outside it. Prints JSON, in bytes.
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
// Read after the measure, so the table is still held when it is taken.
if (table.zones.length === 0) throw new Error('the IP table did not load')
console.log(JSON.stringify({ tzdb, ipZones }))
