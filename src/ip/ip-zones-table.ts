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
  // Typed arrays need aligned offsets; a pooled Buffer may start anywhere. (A copy: a Buffer's
  // slice() is a view, which starts where the Buffer does.)
  const bytes = file.byteOffset % 4 === 0 ? file : new Uint8Array(file)
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

/**
 * The file rearranged to compress better, for the image (src/ip/ip-zones.ts compresses it):
 * every u32 and u16 array split into byte planes (all first bytes, then all second bytes, ...),
 * the sorted ones (heads, firsts, rare ranges, lows) stored as differences from the element
 * before, modulo the word. Same length; unpackIpZones restores the file byte for byte.
 */
export const packIpZones = (file: Uint8Array): Uint8Array => {
  // Copies (new Uint8Array, not slice(), which is a view for a Buffer), aligned for typed arrays.
  const packed = new Uint8Array(file)
  packed.set(new TextEncoder().encode(PACKED_MAGIC), 0)
  const aligned = file.byteOffset % 4 === 0 ? file : new Uint8Array(file)
  for (const { at, length, size, sorted } of planesOf(aligned, MAGIC)) {
    const words = wordsAt(aligned, at, length, size)
    let previous = 0
    for (let i = 0; i < length; i++) {
      const word = words[i] as number
      const value = sorted ? word - previous : word
      previous = word
      for (let k = 0; k < size; k++) packed[at + k * length + i] = (value >>> (8 * k)) & 0xff
    }
  }
  return packed
}

/**
 * The table's own bytes back from packIpZones', restored in place (the packed bytes are fresh from
 * the decompressor, and a 5.9 MB copy costs more page faults than the restoring itself).
 */
export const unpackIpZones = (packed: Uint8Array): Uint8Array => {
  // Typed arrays need aligned offsets: a misaligned buffer is copied once (new Uint8Array copies).
  const file = packed.byteOffset % 4 === 0 ? packed : new Uint8Array(packed)
  const planes = planesOf(file, PACKED_MAGIC)
  const scratch = new Uint8Array(Math.max(0, ...planes.map((plane) => plane.length * plane.size)))
  for (const { at, length, size, sorted } of planes) {
    scratch.set(file.subarray(at, at + length * size))
    const words = wordsAt(file, at, length, size)
    // One loop per word size: the first /api/ip waits for this.
    if (size === 2) {
      for (let i = 0, previous = 0; i < length; i++) {
        const value = (scratch[i] as number) | ((scratch[length + i] as number) << 8)
        previous = sorted ? (previous + value) & 0xffff : value
        words[i] = previous
      }
    } else {
      for (let i = 0, previous = 0; i < length; i++) {
        const value =
          (scratch[i] as number) |
          ((scratch[length + i] as number) << 8) |
          ((scratch[2 * length + i] as number) << 16) |
          ((scratch[3 * length + i] as number) << 24)
        previous = sorted ? (previous + value) | 0 : value
        words[i] = previous
      }
    }
  }
  file.set(new TextEncoder().encode(MAGIC), 0)
  return file
}

const PACKED_MAGIC = 'IPZp'

type Plane = { at: number; length: number; size: 2 | 4; sorted: boolean }

/** The u32 and u16 arrays of a file whose magic is `magic`, in the order encodeIpZones writes them. */
const planesOf = (file: Uint8Array, magic: string): Plane[] => {
  if (!isLittleEndian) throw new Error('ip-zones: the table is little-endian; this machine is not')
  if (file.length < 8 || new TextDecoder().decode(file.subarray(0, 4)) !== magic) {
    throw new Error(`ip-zones: not a${magic === MAGIC ? 'n' : ' packed'} ip-zones table`)
  }
  const jsonLength = new DataView(file.buffer, file.byteOffset).getUint32(4, true)
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + jsonLength))) as Header
  const { v4, v6, v6Fine } = header.counts
  const arrays: [length: number, size: 2 | 4, sorted: boolean][] = [
    [v4.heads, 4, true],
    [v4.heads + 1, 4, true],
    [v4.rare, 4, true],
    [v6.heads, 4, true],
    [v6.heads + 1, 4, true],
    [v6.rare, 4, true],
    [v6Fine * 4, 4, false],
    [v4.ranges, 2, true],
    [v4.rare, 2, false],
    [v6.ranges, 2, true],
    [v6.rare, 2, false],
    [v6Fine, 2, false],
  ]
  let at = align4(8 + jsonLength)
  const planes = arrays.map(([length, size, sorted]) => {
    const plane = { at, length, size, sorted }
    at += length * size
    return plane
  })
  if (at + v4.ranges + v6.ranges !== file.length)
    throw new Error('ip-zones: the table is truncated')
  return planes
}

const wordsAt = (file: Uint8Array, at: number, length: number, size: 2 | 4) =>
  size === 4
    ? new Uint32Array(file.buffer, file.byteOffset + at, length)
    : new Uint16Array(file.buffer, file.byteOffset + at, length)

function align4(n: number): number {
  return (n + 3) & ~3
}
