// The place index (data/places/, built by scripts/generate-places.ts): read on first use, each
// place decoded from its line only when asked for.
import { existsSync, readFileSync } from 'node:fs'
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'
import {
  decodePlace,
  type Names,
  type PlaceRecord,
  type PlacesSource,
  readPlacesText,
} from './index-file.ts'
import { decodeKeyTable, type KeyTable } from './key-table.ts'

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
  place(index: number): Place
  /** A place's own fields, decoded afresh and not kept: for passes over every place. */
  record(index: number): PlaceRecord
  /** A country's names in English and Russian (CLDR), or undefined for a code it lacks. */
  country(code: string): Names | undefined
}

export const PLACES_DIR = new URL('../../data/places/', import.meta.url)
const FILES = { places: 'places.tsv', keys: 'keys.tsv' } as const

export const createPlaceIndex = (placesBytes: Uint8Array, keysBytes: Uint8Array): PlaceIndex => {
  const text = readPlacesText(placesBytes)
  const { lineStarts, zones, countries, regions } = text
  const size = lineStarts.length - 1
  const decoded: Array<Place | undefined> = []
  const utf8 = new TextDecoder()
  const recordAt = (index: number): PlaceRecord => {
    if (!(index >= 0 && index < size)) throw new RangeError(`no place ${index}`)
    const end = (lineStarts[index + 1] as number) - 1
    return decodePlace(utf8.decode(placesBytes.subarray(lineStarts[index], end)), zones)
  }
  const place = (index: number): Place => {
    let found = decoded[index]
    if (found) return found
    const record = recordAt(index)
    const countryName = countries.get(record.country) ?? { en: record.country, ru: record.country }
    found = {
      ...record,
      index,
      countryName,
      region: regions.get(`${record.country}.${record.admin1}`),
    }
    decoded[index] = found
    return found
  }
  return {
    source: text.source,
    size,
    keys: decodeKeyTable(keysBytes),
    place,
    record: recordAt,
    country: (code) => countries.get(code.toUpperCase()),
  }
}

/**
 * A file's bytes; where only `<file>.br` exists (the image ships the index compressed), restored
 * from it.
 */
const readIndexFile = (dir: URL, name: string): Uint8Array => {
  const file = new URL(name, dir)
  const compressed = new URL(`${name}.br`, dir)
  return !existsSync(file) && existsSync(compressed)
    ? brotliDecompressSync(readFileSync(compressed))
    : readFileSync(file)
}

/** The index in `dir`, by default the committed data/places/. */
export const loadPlaceIndex = (dir: URL = PLACES_DIR): PlaceIndex =>
  createPlaceIndex(readIndexFile(dir, FILES.places), readIndexFile(dir, FILES.keys))

/** A file of the index as the image ships it: brotli at its highest quality. */
export const compressIndexFile = (bytes: Uint8Array): Buffer =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })

export const INDEX_FILES: readonly string[] = Object.values(FILES)
