// The place index (data/places/places.bin, built by scripts/generate-places.ts): read on first use,
// each place decoded from its columns only when asked for.
import { compressTable, readTable } from '../table-file.ts'
import {
  applyLocativeEdit,
  COORDINATE_SCALE,
  decodePathCode,
  INDEX_FILE,
  KINDS,
  type Names,
  type PlaceRecord,
  type PlacesSource,
  titleCase,
} from './index-file.ts'
import { type PlaceGroup, readIndexColumns } from './index-read.ts'
import { findOwnKeys, type KeyTable, keyAt } from './key-table.ts'

export type { Names } from './index-file.ts'

/** A place with its names resolved: what search answers and pages show. */
export type Place = Readonly<PlaceRecord> & {
  /** Its rank by population: 0 is the largest place. */
  readonly index: number
  readonly countryName: Names
  /** The first-level division, undefined where GeoNames has none. */
  readonly region: Names | undefined
}

export type PlaceIndex = {
  readonly source: PlacesSource
  /** How many places; their indexes run from 0 (the largest) to size - 1. */
  readonly size: number
  readonly keys: KeyTable
  /** Prefixes spanning many keys, with their best scores, as search.ts ranks them. */
  readonly tops: ReadonlyMap<string, readonly number[]>
  place(index: number): Place
  /** A place's own fields, decoded afresh and not kept: for passes over every place. */
  record(index: number): PlaceRecord
  /** A country's names in English and Russian (CLDR), or undefined for a code it lacks. */
  country(code: string): Names | undefined
}

export const PLACES_DIR = new URL('../../data/places/', import.meta.url)
// Places asked for again (a page and its search) come from here; bounded, unlike the index.
const CACHED = 4096

export const createPlaceIndex = (bytes: Uint8Array): PlaceIndex => {
  const columns = readIndexColumns(bytes)
  const { lines, lineStarts, rankToPosition, groups, groupOf, zones, countries } = columns
  const size = rankToPosition.length
  const ownKeys = findOwnKeys(columns.keys, size, KINDS)
  const utf8 = new TextDecoder()
  const recordAt = (index: number): PlaceRecord => {
    if (!(Number.isInteger(index) && index >= 0 && index < size)) {
      throw new RangeError(`no place ${index}`)
    }
    const at = rankToPosition[index] as number
    const line = utf8.decode(lines.subarray(lineStarts[at], (lineStarts[at + 1] as number) - 1))
    const [name = '', asciiField = '', ru = '', ruEdit = '', path = ''] = line.split('\t')
    const ascii = asciiField || titleCase(keyAt(columns.keys, ownKeys[index] as number))
    const { country, admin1, region } = groups[groupOf[at] as number] as PlaceGroup
    const regionName = region?.en ?? ''
    return {
      name: name || ascii,
      ascii,
      ru,
      ruIn: applyLocativeEdit(ru, ruEdit),
      country,
      admin1,
      latitude: (columns.latitudes[at] as number) / COORDINATE_SCALE,
      longitude: (columns.longitudes[at] as number) / COORDINATE_SCALE,
      population: columns.populations[at] as number,
      zone: zones[columns.zoneOf[at] as number] as string,
      path: decodePathCode(path, { name: name || ascii, ascii, country, regionName }),
    }
  }
  const cache: Array<Place | undefined> = new Array(CACHED)
  const place = (index: number): Place => {
    const cached = cache[index % CACHED]
    if (cached?.index === index) return cached
    const { countryName, region } = groups[groupOf[rankToPosition[index] as number] as number] ?? {}
    const found = { ...recordAt(index), index, countryName: countryName as Names, region }
    cache[index % CACHED] = found
    return found
  }
  return {
    source: columns.source,
    size,
    keys: columns.keys,
    tops: columns.tops,
    place,
    record: recordAt,
    country: (code) => countries.get(code.toUpperCase()),
  }
}

/**
 * The file's bytes; where only `<file>.br` exists (the image ships the index compressed), restored
 * from it.
 */

/** The index in `dir`, by default the committed data/places/. */
export const loadPlaceIndex = (dir: URL = PLACES_DIR): PlaceIndex =>
  createPlaceIndex(readTable(new URL(INDEX_FILE, dir)))

/** The index file as the image ships it: brotli at its highest quality, in a 1 MB window, which
 * packs this file better than a larger one (2.95 MB against 3.03). */
export const compressIndexFile = (bytes: Uint8Array): Buffer => compressTable(bytes, 11, 20)

export const INDEX_FILES: readonly string[] = [INDEX_FILE]
