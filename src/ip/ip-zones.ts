// IP address -> IANA zone, from the table scripts/generate-ip-zones.ts builds (docs/ip.md).
import { compressTable, readTable } from '../table-file.ts'
import { type IpAddress, parseIpInto, specialUseOfWords } from './ip-address.ts'
import { decodeIpZones } from './ip-zones-file.ts'
import { packIpZones, unpackIpZones } from './ip-zones-pack.ts'
import {
  type BucketedRanges,
  FIRST_SPECIAL_CODE,
  type IpZonesSource,
  type IpZonesTable,
  NO_ZONE,
  NO_ZONE_CODE,
  SPLIT,
  SPLIT_CODE,
} from './ip-zones-table.ts'

export type IpZones = {
  readonly source: IpZonesSource
  /** Every zone name the table can answer, as geo-tz gave it (links and Etc/ zones included). */
  readonly zones: readonly string[]
  /** The zone of an address; undefined when it is malformed, special-use or not in the table. */
  lookup(address: string): string | undefined
  lookupParsed(address: IpAddress): string | undefined
}

const DEFAULT_FILE = new URL('../../data/ip-zones/ip-zones.bin', import.meta.url)

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

/**
 * The table as the image ships it, `<file>.br` (scripts/compress-tables.ts): packed into byte
 * planes of differences (packIpZones), then brotli at its highest quality. 5.9 MB to 1.1 MB; the
 * packing alone takes brotli from 1.8 MB to 1.1.
 */
export const compressIpZones = (file: Uint8Array, quality = 11): Buffer =>
  compressTable(packIpZones(file), quality)

// Where only `<file>.br` exists: about 95 ms more of the first /api/ip than the plain file, 20 of
// them unpacking (docs/docker.md).
const readIpTable = (file: URL) => readTable(file, unpackIpZones)

/** The table from bytes, a file, or by default the committed data/ip-zones/ip-zones.bin. */
export const loadIpZones = (from: Uint8Array | URL = DEFAULT_FILE): IpZones =>
  createIpZones(decodeIpZones(from instanceof URL ? readIpTable(from) : from))

function compareAt(starts: Uint32Array, at: number, address: ArrayLike<number>): number {
  for (let k = 0; k < 4; k++) {
    const a = starts[at + k] as number
    const b = address[k] as number
    if (a !== b) return a < b ? -1 : 1
  }
  return 0
}
