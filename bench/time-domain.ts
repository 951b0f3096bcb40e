// The time domain's costs: the tzdb table's load, a described instant with and without its cache.
// Usage: node --expose-gc bench/time-domain.ts
import { readFileSync } from 'node:fs'

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const text = readFileSync(new URL('../data/tzdb/zones.json', import.meta.url), 'utf8')
gc()
const heap0 = process.memoryUsage().heapUsed
let started = performance.now()
const table = JSON.parse(text)
const parseMs = performance.now() - started
gc()
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6
console.log(
  `table: ${(text.length / 1024).toFixed(0)} KiB, JSON.parse ${parseMs.toFixed(1)} ms, heap +${heapMb.toFixed(1)} MB (${Object.keys(table.zones).length} zones)`,
)

const { createTimeDescriber } = await import('../src/time/time-info.ts')
const zones = ['Europe/Moscow', 'America/New_York', 'America/Havana', 'Asia/Tokyo']
const base = Temporal.Now.instant()
const instants = Array.from({ length: 1000 }, (_, i) => base.add({ milliseconds: i * 7 }))
let sink = 0
const describe = createTimeDescriber()
for (let round = 0; round < 3; round++) {
  const n = 1_000_000
  started = performance.now()
  for (let i = 0; i < n; i++)
    sink += describe(instants[i % 1000] as Temporal.Instant, zones[i & 3] as string).unixtime
  console.log(
    `describe, cached period: ${(((performance.now() - started) * 1000) / n).toFixed(2)} µs`,
  )
}
const n = 5000
started = performance.now()
for (let i = 0; i < n; i++) sink += createTimeDescriber()(base, zones[i & 3] as string).unixtime
console.log(
  `describe, period looked up: ${(((performance.now() - started) * 1000) / n).toFixed(1)} µs`,
  sink > 0 ? '' : '!',
)
