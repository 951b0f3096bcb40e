// The place index file's shapes and rules, shared by its generator (scripts/places/encode-index.ts)
// and its reader (index-read.ts): docs/places.md, "The index".

import { slugKey, slugOf } from './normalize.ts'

export const FORMAT = 'moscow-time places 3'
/** The file's first bytes: the format's line, then a NUL, so that git and diff tools see binary. */
export const MAGIC = new TextEncoder().encode(`${FORMAT}\n\0`)
export const INDEX_FILE = 'places.bin'

/** Where the index came from: each input package and version, the counts, the build date. */
export type PlacesSource = Record<string, unknown>

export type Names = { readonly en: string; readonly ru: string }

/** A place as the file holds it; `index` is its rank by population, 0 the largest. */
export type PlaceRecord = {
  name: string
  /** GeoNames' ASCII name; equal to name where that is ASCII already. */
  ascii: string
  /** The Russian name, '' where none was found. */
  ru: string
  /** "в Казани" without "в": the Russian name's locative, '' where there is no Russian name. */
  ruIn: string
  /** ISO 3166-1 alpha-2. */
  country: string
  /** GeoNames' first-level division code within the country ('' or '00' where none). */
  admin1: string
  /** Degrees, to COORDINATE_SCALE (two decimals: 1.1 km). */
  latitude: number
  longitude: number
  population: number
  zone: string
  /** The canonical page path, `/city/...`. */
  path: string
}

/** Kinds of name a key stands for, best first. */
export const KIND = { primary: 0, alternate: 1, word: 2 } as const
export type Kind = (typeof KIND)[keyof typeof KIND]
export const KINDS = 3

export type IndexTables = {
  source: PlacesSource
  zones: readonly string[]
  countries: ReadonlyMap<string, Names>
  /** Keyed `CC.admin1`. */
  regions: ReadonlyMap<string, Names>
  /** Largest first: a place's position here is its rank. */
  places: readonly PlaceRecord[]
  /** Sorted folded keys, each with its postings: place rank * KINDS + kind, ascending. */
  keys: ReadonlyArray<readonly [key: string, postings: readonly number[]]>
}

export const PATH_PREFIX = '/city/'

/** Coordinates are kept in hundredths of a degree: 1.1 km, finer than a town's own extent. */
export const COORDINATE_SCALE = 100

/** The Russian locative as the file stores it: letters cut from the name's end, then the new end. */
export const locativeEdit = (name: string, locative: string): string => {
  if (locative === name || locative === '') return ''
  let same = 0
  while (same < name.length && name[same] === locative[same]) same++
  return `${name.length - same}${locative.slice(same)}`
}

export const applyLocativeEdit = (name: string, edit: string): string => {
  if (name === '') return ''
  const digits = /^\d+/.exec(edit)?.[0] ?? '0'
  return name.slice(0, name.length - Number(digits)) + edit.slice(digits.length)
}

/** The slug of a place's name: its ASCII name, or its name where that gives nothing. */
export const placeSlug = (place: { name: string; ascii: string }): string =>
  slugOf(place.ascii) || slugOf(place.name) || 'Place'

/**
 * What a path's first segment after /city/ is looked up by: its slug key ("springfield"). Every
 * namesake of a place shares it.
 */
export const pathKeyOf = (path: string): string =>
  slugKey(path.slice(PATH_PREFIX.length).split('/')[0] ?? '')

/**
 * The search key a path key is looked for under: `_` as spaces ("springfield", "sao paulo"). It is
 * an own key (KIND.primary) of almost every place with that path key: the file lists the others.
 */
export const namesakeKey = (pathKey: string): string => pathKey.replaceAll('_', ' ')

/** The path a place has when the file leaves it out: /city/ and its name's slug. */
export const ownPath = (place: { name: string; ascii: string }): string =>
  PATH_PREFIX + placeSlug(place)

type PathedPlace = { name: string; ascii: string; country: string; regionName: string }

/**
 * A page path as the file stores it: '' for the own path; `c` for it plus /CC, `r` for it plus
 * /CC/Region, either followed by whatever else (a GeoNames id); else `=` and the path itself.
 */
export const pathCode = (path: string, place: PathedPlace): string => {
  const own = ownPath(place)
  if (path === own) return ''
  const region = slugOf(place.regionName)
  const inCountry = `${own}/${place.country}`
  if (region && path.startsWith(`${inCountry}/${region}`)) {
    return `r${path.slice(`${inCountry}/${region}`.length)}`
  }
  if (path.startsWith(inCountry)) return `c${path.slice(inCountry.length)}`
  return `=${path.slice(PATH_PREFIX.length)}`
}

/** A place's path from its pathCode, slug, country and (asked only for `r`) its region's slug. */
export const decodePath = (
  code: string,
  slug: string,
  country: string,
  regionSlug: () => string,
): string => {
  const own = PATH_PREFIX + slug
  if (code === '') return own
  if (code[0] === 'c') return `${own}/${country}${code.slice(1)}`
  if (code[0] === 'r') return `${own}/${country}/${regionSlug()}${code.slice(1)}`
  return PATH_PREFIX + code.slice(1)
}

/** A folded Latin key as a name: each word's first letter in capitals ("sao paulo" -> "Sao Paulo"). */
export const titleCase = (key: string): string => {
  let out = ''
  for (let at = 0; at < key.length; ) {
    const end = key.indexOf(' ', at)
    const word = key.slice(at, end < 0 ? key.length : end)
    out += (at === 0 ? '' : ' ') + word.charAt(0).toUpperCase() + word.slice(1)
    at = end < 0 ? key.length : end + 1
  }
  return out
}

const DIGIT_BITS = 16
const DIGITS = 1 << DIGIT_BITS

/**
 * Each rank's position in the file: places by population, largest first, file order between equals.
 * The generator numbers postings by it, the reader recomputes it: the file stores no ranks. A
 * stable radix sort, two passes of 16 bits (populations below 2^31), a few milliseconds.
 */
export const rankPositions = (populations: ArrayLike<number>): Int32Array => {
  const size = populations.length
  const keys = populations instanceof Int32Array ? populations : Int32Array.from(populations)
  let order = new Int32Array(size)
  for (let i = 0; i < size; i++) order[i] = i
  let next = new Int32Array(size)
  const counts = new Int32Array(DIGITS)
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0)
    // Each digit turned around (DIGITS - 1 - digit): larger populations first.
    for (let i = 0; i < size; i++) {
      const d = DIGITS - 1 - (((keys[order[i] as number] as number) >>> shift) & (DIGITS - 1))
      counts[d] = (counts[d] as number) + 1
    }
    for (let d = 0, sum = 0; d < DIGITS; d++) {
      const count = counts[d] as number
      counts[d] = sum
      sum += count
    }
    for (let i = 0; i < size; i++) {
      const position = order[i] as number
      const d = DIGITS - 1 - (((keys[position] as number) >>> shift) & (DIGITS - 1))
      next[counts[d] as number] = position
      counts[d] = (counts[d] as number) + 1
    }
    ;[order, next] = [next, order]
  }
  return order
}
