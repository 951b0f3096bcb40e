// Reads places.bin into columns: typed arrays for the numbers, one buffer of text lines decoded a
// place at a time, and the key table. The layout is written by scripts/places/encode-index.ts.
import { createByteReader } from './bytes.ts'
import { FORMAT, MAGIC, type Names, type PlacesSource, rankPositions } from './index-file.ts'
import { decodeKeyTable, type KeyTable } from './key-table.ts'

/** The file's first line, then the sections in this order. */
export const SECTIONS = [
  'header',
  'populations',
  'latitudes',
  'longitudes',
  'zones',
  'lines',
  'keys',
  'counts',
  'postings',
  'tops',
  'oddPaths',
] as const

/** The header section (JSON): the tables every place refers to. */
export type IndexHeader = {
  source: PlacesSource
  zones: string[]
  countries: Array<[code: string, en: string, ru: string]>
  /** `CC.admin1`, English, Russian. */
  regions: Array<[code: string, en: string, ru: string]>
  /** The file keeps places grouped by country and first-level division, largest first within. */
  groups: Array<[country: string, admin1: string, places: number]>
}

export type PlaceGroup = {
  country: string
  admin1: string
  /** How many places; they follow the group before's in the file. */
  size: number
  countryName: Names
  /** The first-level division, undefined where GeoNames has none. */
  region: Names | undefined
}

/** Everything in the file, by position (the file's order); rankToPosition maps ranks to it. */
export type IndexColumns = {
  source: PlacesSource
  zones: readonly string[]
  countries: ReadonlyMap<string, Names>
  regions: ReadonlyMap<string, Names>
  /** Each group's country and division, with their names looked up once. */
  groups: ReadonlyArray<PlaceGroup>
  groupOf: Uint16Array
  populations: Int32Array
  /** In hundredths of a degree (COORDINATE_SCALE). */
  latitudes: Int16Array
  longitudes: Int16Array
  zoneOf: Uint16Array
  /** One UTF-8 line a place, each ending in a newline; lineStarts has one more at the end. */
  lines: Uint8Array
  lineStarts: Int32Array
  rankToPosition: Int32Array
  keys: KeyTable
  /** Prefixes that span many keys, with their best scores (search.ts), worked out in advance. */
  tops: ReadonlyMap<string, number[]>
  /** The places (by rank) whose path key is none of their own keys (namesakeKey): "St_Louis". */
  oddPaths: Int32Array
}

const utf8 = new TextDecoder()

export const readIndexColumns = (bytes: Uint8Array): IndexColumns => {
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error(`not a "${FORMAT}" file`)
  const reader = createByteReader(bytes, MAGIC.length)
  const header = JSON.parse(utf8.decode(reader.section())) as IndexHeader
  const size = header.groups.reduce((sum, [, , count]) => sum + count, 0)
  const groupOf = new Uint16Array(size)
  let from = 0
  header.groups.forEach(([, , count], group) => {
    groupOf.fill(group, from, from + count)
    from += count
  })
  const populations = readColumn(reader.section(), size, Int32Array, groupOf, 'falling')
  const latitudes = readColumn(reader.section(), size, Int16Array, groupOf, 'around')
  const longitudes = readColumn(reader.section(), size, Int16Array, groupOf, 'around')
  const zoneOf = readZones(reader.section(), size)
  // A copy: a Buffer's slice() would keep the whole file alive.
  const lines = new Uint8Array(reader.section())
  const keys = decodeKeyTable(reader.section(), reader.section(), reader.section())
  const tops = readTops(reader.section())
  const oddPaths = readRising(reader.section())
  const names = (rows: IndexHeader['countries']) =>
    new Map(rows.map(([code, en, ru]) => [code, { en, ru: ru || en }] as const))
  const countries = names(header.countries)
  const regions = names(header.regions)
  return {
    source: header.source,
    zones: header.zones,
    countries,
    regions,
    groups: header.groups.map(([country, admin1, size]) => ({
      country,
      admin1,
      size,
      countryName: countries.get(country) ?? { en: country, ru: country },
      region: regions.get(`${country}.${admin1}`),
    })),
    groupOf,
    populations,
    latitudes,
    longitudes,
    zoneOf,
    lines,
    lineStarts: lineStartsOf(lines, size),
    rankToPosition: rankPositions(populations),
    keys,
    tops,
    oddPaths,
  }
}

/** How many numbers, then the numbers rising, each as its difference from the one before. */
const readRising = (bytes: Uint8Array) => {
  const reader = createByteReader(bytes)
  const numbers = new Int32Array(reader.uint())
  for (let i = 0, value = 0; i < numbers.length; i++) {
    value += reader.uint()
    numbers[i] = value
  }
  return numbers
}

/**
 * A column of whole numbers, one a place. A group's first is stored as it is; the rest as the fall
 * from the one before (populations, largest first) or as the offset from the group's first.
 */
const readColumn = <T extends Int32Array | Int16Array>(
  bytes: Uint8Array,
  size: number,
  Type: new (size: number) => T,
  groupOf: Uint16Array,
  coding: 'falling' | 'around',
): T => {
  const reader = createByteReader(bytes)
  const column = new Type(size)
  let first = 0
  for (let i = 0; i < size; i++) {
    if (i === 0 || groupOf[i] !== groupOf[i - 1]) {
      first = reader.int()
      column[i] = first
    } else if (coding === 'falling') column[i] = (column[i - 1] as number) - reader.uint()
    else column[i] = first + reader.int()
  }
  return column
}

/** Each place's zone: 0 for the zone of the place before it, else the zone's index + 1. */
const readZones = (bytes: Uint8Array, size: number) => {
  const reader = createByteReader(bytes)
  const zones = new Uint16Array(size)
  for (let i = 0; i < size; i++) {
    const code = reader.uint()
    zones[i] = code === 0 ? (zones[i - 1] ?? 0) : code - 1
  }
  return zones
}

const lineStartsOf = (lines: Uint8Array, size: number) => {
  const starts = new Int32Array(size + 1)
  for (let i = 0, at = 0; i < size; i++) {
    at = lines.indexOf(10, at) + 1
    if (at === 0) throw new Error('index file has too few lines')
    starts[i + 1] = at
  }
  return starts
}

/** Prefix (one-byte string), then how many scores, then the scores rising, as differences. */
const readTops = (bytes: Uint8Array) => {
  const reader = createByteReader(bytes)
  const tops = new Map<string, number[]>()
  for (let count = reader.uint(); count > 0; count--) {
    const prefix = Buffer.from(reader.section()).toString('latin1')
    const scores: number[] = []
    let score = 0
    for (let n = reader.uint(); n > 0; n--) {
      score += reader.uint()
      scores.push(score)
    }
    tops.set(prefix, scores)
  }
  return tops
}
