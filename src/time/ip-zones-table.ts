// The IP-to-zone table's layout and file format, shared by its generator and its reader.

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

// Zone indexes; NO_ZONE is an address the database does not list.
export const NO_ZONE = 0xffff
export const SPLIT = 0xfffe
// Range codes: below FIRST_SPECIAL_CODE the zone index itself.
export const FIRST_SPECIAL_CODE = 253
export const NO_ZONE_CODE = 253
export const SPLIT_CODE = 254
export const RARE_CODE = 255

const MAGIC = 'IPZ1'

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

function align4(n: number): number {
  return (n + 3) & ~3
}
