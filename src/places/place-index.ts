// The place index (data/places/places.bin, built by scripts/generate-places.ts): read on first use,
// each place decoded from its columns only when asked for, and not kept.
import { compressTable, readTable } from '../table-file.ts'
import {
  applyLocativeEdit,
  COORDINATE_SCALE,
  decodePath,
  INDEX_FILE,
  KINDS,
  type Names,
  type PlaceRecord,
  type PlacesSource,
  placeSlug,
  titleCase,
} from './index-file.ts'
import { type PlaceGroup, readIndexColumns } from './index-read.ts'
import { findOwnKeys, type KeyTable, keyAt } from './key-table.ts'
import { slugOf } from './normalize.ts'

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
  /** A place, decoded afresh (about a microsecond): nothing is kept between calls. */
  place(index: number): Place
  /** The same as place(): its own fields, for passes over every place. */
  record(index: number): PlaceRecord
  /** A place's population, read from its column without decoding the place. */
  population(index: number): number
  /**
   * Every place of a country (ISO alpha-2, upper case) by index, largest first, without decoding
   * them: worked out on a country's first ask (a pass over the ranks), then kept.
   */
  countryIndexes(country: string): Int32Array
  /** The places whose path key is none of their own keys (index-file.ts's namesakeKey). */
  readonly oddPaths: Int32Array
  /** A country's names in English and Russian (CLDR), or undefined for a code it lacks. */
  country(code: string): Names | undefined
}

export const PLACES_DIR = new URL('../../data/places/', import.meta.url)

export const createPlaceIndex = (bytes: Uint8Array): PlaceIndex => {
  const columns = readIndexColumns(bytes)
  const { lineStarts, rankToPosition, groups, groupOf, zones, countries } = columns
  const size = rankToPosition.length
  const ownKeys = findOwnKeys(columns.keys, size, KINDS)
  // A view, no copy: Buffer's own UTF-8 decoding is the fastest there is for short lines.
  const lines = Buffer.from(columns.lines.buffer, columns.lines.byteOffset, columns.lines.length)
  // Each group's region as a path segment, worked out when a place of it is first decoded.
  const regionSlugs: Array<string | undefined> = new Array(groups.length)
  const positionOf = (index: number): number => {
    if (!(Number.isInteger(index) && index >= 0 && index < size)) {
      throw new RangeError(`no place ${index}`)
    }
    return rankToPosition[index] as number
  }
  /** The ASCII name the file leaves out: the place's own Latin key in title case. */
  const asciiOf = (index: number) => titleCase(keyAt(columns.keys, ownKeys[index] as number))
  const place = (index: number): Place => {
    const at = positionOf(index)
    const line = lines.toString('utf8', lineStarts[at], (lineStarts[at + 1] as number) - 1)
    const [name = '', asciiField = '', ru = '', ruEdit = '', code = ''] = line.split('\t')
    const ascii = asciiField || asciiOf(index)
    const shown = name || ascii
    const groupNumber = groupOf[at] as number
    const { country, admin1, countryName, region } = groups[groupNumber] as PlaceGroup
    const regionSlug = () => {
      regionSlugs[groupNumber] ??= slugOf(region?.en ?? '')
      return regionSlugs[groupNumber]
    }
    return {
      index,
      name: shown,
      ascii,
      ru,
      ruIn: ruEdit === '' ? ru : applyLocativeEdit(ru, ruEdit),
      country,
      admin1,
      countryName,
      region,
      latitude: (columns.latitudes[at] as number) / COORDINATE_SCALE,
      longitude: (columns.longitudes[at] as number) / COORDINATE_SCALE,
      population: columns.populations[at] as number,
      zone: zones[columns.zoneOf[at] as number] as string,
      path: decodePath(code, placeSlug({ name: shown, ascii }), country, regionSlug),
    }
  }
  return {
    source: columns.source,
    size,
    keys: columns.keys,
    tops: columns.tops,
    place,
    record: place,
    population: (index) => columns.populations[positionOf(index)] as number,
    countryIndexes: createCountryIndexes(groups, rankToPosition),
    oddPaths: columns.oddPaths,
    country: (code) => countries.get(code.toUpperCase()),
  }
}

/** Each country's places by rank, from its groups' positions (a country's groups lie together). */
const createCountryIndexes = (groups: readonly PlaceGroup[], rankToPosition: Int32Array) => {
  let spans: Map<string, [start: number, end: number]> | undefined
  const kept = new Map<string, Int32Array>()
  return (country: string): Int32Array => {
    let found = kept.get(country)
    if (found) return found
    if (!spans) {
      spans = new Map()
      for (let g = 0, at = 0; g < groups.length; g++) {
        const { country: code, size } = groups[g] as PlaceGroup
        const span = spans.get(code) ?? [at, at]
        span[1] = at + size
        spans.set(code, span)
        at += size
      }
    }
    const [start, end] = spans.get(country) ?? [0, 0]
    found = new Int32Array(end - start)
    for (let rank = 0, n = 0; n < found.length; rank++) {
      const at = rankToPosition[rank] as number
      if (at >= start && at < end) found[n++] = rank
    }
    if (found.length > 0) kept.set(country, found)
    return found
  }
}

/** The index in `dir`, by default the committed data/places/; where only `<file>.br` exists (the
 * image ships the index compressed), restored from it. */
export const loadPlaceIndex = (dir: URL = PLACES_DIR): PlaceIndex =>
  createPlaceIndex(readTable(new URL(INDEX_FILE, dir)))

/** The index file as the image ships it: brotli at its highest quality, in a 1 MB window, which
 * packs this file better than a larger one (2.95 MB against 3.03). */
export const compressIndexFile = (bytes: Uint8Array): Buffer => compressTable(bytes, 11, 20)

export const INDEX_FILES: readonly string[] = [INDEX_FILE]
