// IP address -> IANA zone, from the table scripts/generate-ip-zones.ts builds (docs/ip.md).
import { readFileSync } from 'node:fs'
import { type IpAddress, parseIpInto, specialUseOfWords } from './ip-address.ts'

/** Where the table came from: the DB-IP package, its database's build date, and geo-tz. */
export type IpZonesSource = {
  readonly package: string
  readonly version: string
  readonly built: string
  readonly geoTz: string
}

/**
 * Sorted range starts, each split into a head (its high bits) and a 16-bit low part, grouped by
 * head: the ranges of heads[h] are firsts[h] to firsts[h + 1] - 1. Range i runs from its start
 * to the next range's; codes[i] is its zone (see zoneIndexAt).
 */
export type BucketedRanges = {
  readonly heads: Uint32Array
  readonly firsts: Uint32Array
  readonly lows: Uint16Array
  readonly codes: Uint8Array
  /** The ranges coded RARE (sorted) and their zone indexes. */
  readonly rareAt: Uint32Array
  readonly rareZones: Uint16Array
}

/** The decoded table; each part covers its whole address space from address 0. */
export type IpZonesTable = {
  readonly source: IpZonesSource
  /** Zone names, the most frequent first, so that most ranges' zones fit in a byte. */
  readonly zones: readonly string[]
  /** IPv4 by the whole address: heads are the top 16 bits. */
  readonly v4: BucketedRanges
  /** IPv6 by the top 48 bits: heads are the first word; SPLIT sends a /48 on to v6Fine. */
  readonly v6: BucketedRanges
  /** The /48s inside which the zone changes, by whole addresses: four words per start. */
  readonly v6Fine: { readonly starts: Uint32Array; readonly zones: Uint16Array }
}

export type IpZones = {
  readonly source: IpZonesSource
  /** Every zone name the table can answer, as geo-tz gave it (links and Etc/ zones included). */
  readonly zones: readonly string[]
  /** The zone of an address; undefined when it is malformed, special-use or not in the table. */
  lookup(address: string): string | undefined
  lookupParsed(address: IpAddress): string | undefined
}

// Zone indexes; NO_ZONE is an address the database does not list.
export const NO_ZONE = 0xffff
export const SPLIT = 0xfffe
// Range codes: below FIRST_SPECIAL_CODE the zone index itself.
export const FIRST_SPECIAL_CODE = 253
export const NO_ZONE_CODE = 253
export const SPLIT_CODE = 254
export const RARE_CODE = 255

const MAGIC = 'IPZ1'
const DEFAULT_FILE = new URL('../../data/ip-zones/ip-zones.bin', import.meta.url)

// The file stores little-endian words and the typed arrays view it in place.
const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

type Counts = { heads: number; ranges: number; rare: number }
type Header = {
  source: IpZonesSource
  zones: string[]
  counts: { v4: Counts; v6: Counts; v6Fine: number }
}

const countsOf = (ranges: BucketedRanges): Counts => ({
  heads: ranges.heads.length,
  ranges: ranges.codes.length,
  rare: ranges.rareAt.length,
})

/** The file: "IPZ1", a u32 header length, a JSON header, then the arrays (u32s, u16s, u8s). */
export const encodeIpZones = (table: IpZonesTable): Uint8Array => {
  const { v4, v6, v6Fine } = table
  const header: Header = {
    source: table.source,
    zones: [...table.zones],
    counts: { v4: countsOf(v4), v6: countsOf(v6), v6Fine: v6Fine.zones.length },
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const arrays = [
    ...[v4.heads, v4.firsts, v4.rareAt, v6.heads, v6.firsts, v6.rareAt, v6Fine.starts],
    ...[v4.lows, v4.rareZones, v6.lows, v6.rareZones, v6Fine.zones],
    ...[v4.codes, v6.codes],
  ]
  const headerEnd = align4(8 + json.length)
  const size = arrays.reduce((sum, array) => sum + array.byteLength, headerEnd)
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(bytes.buffer).setUint32(4, json.length, true)
  bytes.set(json, 8)
  let at = headerEnd
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
    at += array.byteLength
  }
  return bytes
}

/** The table over the file's bytes, without copying them (unless they are misaligned). */
export const decodeIpZones = (file: Uint8Array): IpZonesTable => {
  if (!isLittleEndian) throw new Error('ip-zones: the table is little-endian; this machine is not')
  // Typed arrays need aligned offsets; a pooled Buffer may start anywhere.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice()
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error('ip-zones: not an ip-zones table')
  }
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + jsonLength))) as Header
  const end = bytes.byteOffset + bytes.length
  let at = bytes.byteOffset + align4(8 + jsonLength)
  const view = <T>(
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    length: number,
    size: number,
  ): T => {
    if (at + length * size > end) throw new Error('ip-zones: the table is truncated')
    const array = new Type(bytes.buffer, at, length)
    at += length * size
    return array
  }
  const u32 = (length: number) => view(Uint32Array, length, 4)
  const u16 = (length: number) => view(Uint16Array, length, 2)
  const u8 = (length: number) => view(Uint8Array, length, 1)
  const { v4, v6, v6Fine } = header.counts
  // In the order encodeIpZones writes them.
  const v4Heads = u32(v4.heads)
  const v4Firsts = u32(v4.heads + 1)
  const v4RareAt = u32(v4.rare)
  const v6Heads = u32(v6.heads)
  const v6Firsts = u32(v6.heads + 1)
  const v6RareAt = u32(v6.rare)
  const fineStarts = u32(v6Fine * 4)
  const v4Lows = u16(v4.ranges)
  const v4RareZones = u16(v4.rare)
  const v6Lows = u16(v6.ranges)
  const v6RareZones = u16(v6.rare)
  const fineZones = u16(v6Fine)
  return {
    source: header.source,
    zones: header.zones,
    v4: {
      heads: v4Heads,
      firsts: v4Firsts,
      lows: v4Lows,
      codes: u8(v4.ranges),
      rareAt: v4RareAt,
      rareZones: v4RareZones,
    },
    v6: {
      heads: v6Heads,
      firsts: v6Firsts,
      lows: v6Lows,
      codes: u8(v6.ranges),
      rareAt: v6RareAt,
      rareZones: v6RareZones,
    },
    v6Fine: { starts: fineStarts, zones: fineZones },
  }
}

/** The zone index of range i: an index into the table's zones, NO_ZONE or SPLIT. */
export const zoneIndexAt = (ranges: BucketedRanges, i: number): number => {
  const code = ranges.codes[i] as number
  if (code < FIRST_SPECIAL_CODE) return code
  if (code === NO_ZONE_CODE) return NO_ZONE
  if (code === SPLIT_CODE) return SPLIT
  const { rareAt, rareZones } = ranges
  let low = 0
  let high = rareAt.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((rareAt[mid] as number) < i) low = mid + 1
    else high = mid
  }
  return rareAt[low] === i ? (rareZones[low] as number) : NO_ZONE
}

/** The index of the range in force at (head, low): the last one starting at or below it. */
export const findRange = (ranges: BucketedRanges, head: number, low: number): number => {
  const { heads, firsts, lows } = ranges
  let a = 0
  let b = heads.length - 1
  while (a < b) {
    const mid = (a + b + 1) >>> 1
    if ((heads[mid] as number) <= head) a = mid
    else b = mid - 1
  }
  const first = firsts[a] as number
  let last = (firsts[a + 1] as number) - 1
  // Past its head, or below the head's first range, the range in force began earlier.
  if (heads[a] !== head) return last
  if ((lows[first] as number) > low) return first - 1
  let i = first
  while (i < last) {
    const mid = (i + last + 1) >>> 1
    if ((lows[mid] as number) <= low) i = mid
    else last = mid - 1
  }
  return i
}

export const createIpZones = (table: IpZonesTable): IpZones => {
  const { zones: names, v4, v6 } = table
  const { starts: fineStarts, zones: fineZones } = table.v6Fine
  const words = new Uint32Array(4)

  const findFine = (address: ArrayLike<number>): number => {
    let low = 0
    let high = fineZones.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if (compareAt(fineStarts, mid * 4, address) <= 0) low = mid
      else high = mid - 1
    }
    return fineZones[low] ?? NO_ZONE
  }
  const lookupWords = (version: 4 | 6, address: ArrayLike<number>): string | undefined => {
    if (specialUseOfWords(version, address) !== undefined) return undefined
    const first = address[0] as number
    let zone: number
    if (version === 4) zone = zoneIndexAt(v4, findRange(v4, first >>> 16, first & 0xffff))
    else {
      zone = zoneIndexAt(v6, findRange(v6, first, (address[1] as number) >>> 16))
      if (zone === SPLIT) zone = findFine(address)
    }
    return zone < names.length ? names[zone] : undefined
  }
  return {
    source: table.source,
    zones: names,
    lookup: (address) => {
      const version = parseIpInto(address, words)
      return version === 0 ? undefined : lookupWords(version, words)
    },
    lookupParsed: (address) => lookupWords(address.version, address.words),
  }
}

/** The table from bytes, a file, or by default the committed data/ip-zones/ip-zones.bin. */
export const loadIpZones = (from: Uint8Array | URL = DEFAULT_FILE): IpZones =>
  createIpZones(decodeIpZones(from instanceof URL ? readFileSync(from) : from))

function align4(n: number): number {
  return (n + 3) & ~3
}

function compareAt(starts: Uint32Array, at: number, address: ArrayLike<number>): number {
  for (let k = 0; k < 4; k++) {
    const a = starts[at + k] as number
    const b = address[k] as number
    if (a !== b) return a < b ? -1 : 1
  }
  return 0
}
