// Measures the IP -> zone table against the budgets in docs/ip.md: size on disk, load time and
// RSS in fresh processes, lookup time and bytes allocated per lookup.
//
// Usage: node scripts/measure-ip-zones.ts [runs]   (default 7 fresh processes for the load)
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { classifyIp, parseIp } from '../src/ip/ip-address.ts'

const TABLE = new URL('../data/ip-zones/ip-zones.bin', import.meta.url)

if (process.argv[2] === '--load') {
  // One fresh process: import the module, then load; RSS after a GC on both sides.
  const gc = globalThis.gc ?? (() => {})
  const t0 = performance.now()
  const { loadIpZones } = await import('../src/ip/ip-zones.ts')
  const t1 = performance.now()
  gc()
  const rss = process.memoryUsage.rss()
  const t2 = performance.now()
  const zones = loadIpZones()
  const t3 = performance.now()
  zones.lookup('77.88.8.8')
  gc()
  console.log(
    JSON.stringify({
      importMs: t1 - t0,
      loadMs: t3 - t2,
      rssMiB: (process.memoryUsage.rss() - rss) / 2 ** 20,
    }),
  )
} else {
  const runs = Number(process.argv[2] ?? 7)
  const loads = Array.from(
    { length: runs },
    () =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--expose-gc', new URL(import.meta.url).pathname, '--load'],
          {
            encoding: 'utf8',
          },
        ),
      ) as { importMs: number; loadMs: number; rssMiB: number },
  )
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
  const { loadIpZones } = await import('../src/ip/ip-zones.ts')
  const zones = loadIpZones()
  const v4 = randomPublic(4, 1_000_000)
  const v6 = randomPublic(6, 1_000_000)
  const report = {
    table: `${(statSync(TABLE).size / 2 ** 20).toFixed(2)} MiB (${statSync(TABLE).size} bytes)`,
    source: zones.source,
    zones: zones.zones.length,
    runs,
    importMs: +median(loads.map((l) => l.importMs)).toFixed(1),
    loadMs: +median(loads.map((l) => l.loadMs)).toFixed(1),
    loadMsRange: [
      Math.min(...loads.map((l) => l.loadMs)),
      Math.max(...loads.map((l) => l.loadMs)),
    ].map((ms) => +ms.toFixed(1)),
    rssMiB: +median(loads.map((l) => l.rssMiB)).toFixed(1),
    lookupV4: timeLookups(zones.lookup, v4),
    lookupV6: timeLookups(zones.lookup, v6),
  }
  console.log(JSON.stringify(report, null, 2))
}

// Random addresses that are not special-use: IPv4 anywhere, IPv6 in 2000::/3 where DB-IP has data.
function randomPublic(version: 4 | 6, count: number): string[] {
  const out: string[] = []
  const group = () => Math.floor(Math.random() * 0x10000).toString(16)
  while (out.length < count) {
    const text =
      version === 4
        ? Array.from({ length: 4 }, () => Math.floor(Math.random() * 256)).join('.')
        : [
            (0x2000 + Math.floor(Math.random() * 0x2000)).toString(16),
            ...Array.from({ length: 7 }, group),
          ].join(':')
    const address = parseIp(text)
    if (address && classifyIp(address) === undefined) out.push(text)
  }
  return out
}

function timeLookups(lookup: (address: string) => string | undefined, addresses: string[]) {
  let found = 0
  // An indexed loop: for-of here allocated 40 bytes per step itself, hiding the lookup's figure.
  const pass = () => {
    for (let i = 0; i < addresses.length; i++) {
      if (lookup(addresses[i] as string) !== undefined) found++
    }
  }
  pass() // warm-up: compiles the lookup and flattens the strings
  const allocated = getHeapStatistics().total_allocated_bytes
  const started = process.hrtime.bigint()
  pass()
  const ns = Number(process.hrtime.bigint() - started) / addresses.length
  const bytes = (getHeapStatistics().total_allocated_bytes - allocated) / addresses.length
  return {
    ns: Math.round(ns),
    bytesPerLookup: +bytes.toFixed(2),
    found: found / 2 / addresses.length,
  }
}
