// The IP table's file format: its layout, described once, and the encoder and decoder that walk it.
import type { BucketedRanges, IpZonesSource, IpZonesTable } from './ip-zones-table.ts'

export const MAGIC = 'IPZ1'

type Counts = { heads: number; ranges: number; rare: number }
type Header = {
  source: IpZonesSource
  zones: string[]
  counts: { v4: Counts; v6: Counts; v6Fine: number }
}
type Part = 'v4' | 'v6' | 'v6Fine'
/** One array of the file: which of the table's, its element size, and its length by the counts. */
type Field = {
  part: Part
  name: keyof BucketedRanges | keyof IpZonesTable['v6Fine']
  size: 1 | 2 | 4
  /** Rising values, which the image's packing stores as differences. */
  sorted: boolean
  length: (counts: Header['counts']) => number
}

const field = (
  part: Part,
  name: Field['name'],
  size: Field['size'],
  sorted: boolean,
  length: Field['length'],
): Field => ({ part, name, size, sorted, length })

/**
 * The file: "IPZ1", a u32 header length, a JSON header (padded to 4 bytes), then these arrays,
 * little-endian, in this order: the u32s, then the u16s, then the u8s, so each starts aligned.
 */
const LAYOUT: readonly Field[] = [
  field('v4', 'heads', 4, true, (c) => c.v4.heads),
  field('v4', 'firsts', 4, true, (c) => c.v4.heads + 1),
  field('v4', 'rareAt', 4, true, (c) => c.v4.rare),
  field('v6', 'heads', 4, true, (c) => c.v6.heads),
  field('v6', 'firsts', 4, true, (c) => c.v6.heads + 1),
  field('v6', 'rareAt', 4, true, (c) => c.v6.rare),
  field('v6Fine', 'starts', 4, false, (c) => c.v6Fine * 4),
  field('v4', 'lows', 2, true, (c) => c.v4.ranges),
  field('v4', 'rareZones', 2, false, (c) => c.v4.rare),
  field('v6', 'lows', 2, true, (c) => c.v6.ranges),
  field('v6', 'rareZones', 2, false, (c) => c.v6.rare),
  field('v6Fine', 'zones', 2, false, (c) => c.v6Fine),
  field('v4', 'codes', 1, false, (c) => c.v4.ranges),
  field('v6', 'codes', 1, false, (c) => c.v6.ranges),
]

/** An array's place in a file: its field, its byte offset from the file's start and its length. */
export type Placed = Field & { at: number; count: number }

// The file stores little-endian words and the typed arrays view it in place.
const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** The header and every array's place in `file`, whose first four bytes must be `magic`. */
export const readLayout = (
  file: Uint8Array,
  magic: string,
): { header: Header; arrays: Placed[] } => {
  if (!isLittleEndian) throw new Error('ip-zones: the table is little-endian; this machine is not')
  if (file.length < 8 || new TextDecoder().decode(file.subarray(0, 4)) !== magic) {
    throw new Error(`ip-zones: not a${magic === MAGIC ? 'n' : ' packed'} ip-zones table`)
  }
  const jsonLength = new DataView(file.buffer, file.byteOffset).getUint32(4, true)
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + jsonLength))) as Header
  let at = align4(8 + jsonLength)
  const arrays = LAYOUT.map((layout) => {
    const placed = { ...layout, at, count: layout.length(header.counts) }
    at += placed.count * placed.size
    return placed
  })
  if (at > file.length) throw new Error('ip-zones: the table is truncated')
  return { header, arrays }
}

const countsOf = (ranges: BucketedRanges): Counts => ({
  heads: ranges.heads.length,
  ranges: ranges.codes.length,
  rare: ranges.rareAt.length,
})

type AnyArray = Uint32Array | Uint16Array | Uint8Array
const arrayOf = (table: IpZonesTable, { part, name }: Field) =>
  (table[part] as unknown as Record<string, AnyArray>)[name] as AnyArray

/** The table as the file's bytes (LAYOUT). */
export const encodeIpZones = (table: IpZonesTable): Uint8Array => {
  const { v4, v6, v6Fine } = table
  const header: Header = {
    source: table.source,
    zones: [...table.zones],
    counts: { v4: countsOf(v4), v6: countsOf(v6), v6Fine: v6Fine.zones.length },
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const headerEnd = align4(8 + json.length)
  const size = LAYOUT.reduce((sum, layout) => sum + arrayOf(table, layout).byteLength, headerEnd)
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(bytes.buffer).setUint32(4, json.length, true)
  bytes.set(json, 8)
  let at = headerEnd
  for (const layout of LAYOUT) {
    const array = arrayOf(table, layout)
    if (array.length !== layout.length(header.counts)) {
      throw new Error(`ip-zones: ${layout.part}.${layout.name} does not match the table's counts`)
    }
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
    at += array.byteLength
  }
  return bytes
}

type ArrayType = new (buffer: ArrayBufferLike, offset: number, length: number) => AnyArray
const ARRAY_TYPES: Record<Field['size'], ArrayType> = {
  1: Uint8Array,
  2: Uint16Array,
  4: Uint32Array,
}

/** The table over the file's bytes, without copying them (unless they are misaligned). */
export const decodeIpZones = (file: Uint8Array): IpZonesTable => {
  // Typed arrays need aligned offsets; a pooled Buffer may start anywhere. (A copy: a Buffer's
  // slice() is a view, which starts where the Buffer does.)
  const bytes = file.byteOffset % 4 === 0 ? file : new Uint8Array(file)
  const { header, arrays } = readLayout(bytes, MAGIC)
  const parts: Record<Part, Record<string, AnyArray>> = { v4: {}, v6: {}, v6Fine: {} }
  for (const { part, name, size, at, count } of arrays) {
    parts[part][name] = new ARRAY_TYPES[size](bytes.buffer, bytes.byteOffset + at, count)
  }
  return {
    source: header.source,
    zones: header.zones,
    v4: parts.v4 as unknown as BucketedRanges,
    v6: parts.v6 as unknown as BucketedRanges,
    v6Fine: parts.v6Fine as unknown as IpZonesTable['v6Fine'],
  }
}

function align4(n: number): number {
  return (n + 3) & ~3
}
