// Page paths to places and back (docs/places.md, "Page paths"): what the place pages, the list
// pages of shared names and the country pages look up. Nothing is built first: a name's places
// are found through the search keys, a country's from the file's groups.
import { KIND, KINDS, namesakeKey, PATH_PREFIX, pathKeyOf, placeSlug } from './index-file.ts'
import { findKey } from './key-table.ts'
import { slugKey, slugOf } from './normalize.ts'
import type { Place, PlaceIndex } from './place-index.ts'
import { findWholeName } from './search.ts'

export type PathAnswer =
  /** A place's page; `canonical` false: 301 to place.path. */
  | { kind: 'place'; place: Place; canonical: boolean }
  /** The list page of a name several places share, at /city/{Name}; `canonical` as above. */
  | { kind: 'namesakes'; path: string; places: Place[]; canonical: boolean }

export type PlacePaths = {
  /** What a path under /city/ shows: any case, `-` or `_`, a longer form or another name of it. */
  resolve(path: string): PathAnswer | undefined
  /** Every place whose name gives this slug ("Springfield", any case), largest first. */
  namesakes(slug: string): Place[]
  /** How many places a country (ISO alpha-2, any case) has. */
  countrySize(country: string): number
  /**
   * A country's places, largest first, from its `from`-th largest (0 the largest), at most
   * `count`: only those are decoded (a page of a country, not the country).
   */
  inCountry(country: string, from?: number, count?: number): Place[]
}

export const createPlacePaths = (index: PlaceIndex): PlacePaths => {
  let odd: Map<string, number[]> | undefined
  const namesakes = (slug: string) => {
    odd ??= groupOddPaths(index)
    return findNamesakes(index, slugKey(slug), odd)
  }
  return {
    namesakes,
    countrySize: (country) => index.countryIndexes(country.toUpperCase()).length,
    inCountry: (country, from = 0, count = index.size) => {
      const all = index.countryIndexes(country.toUpperCase())
      const first = Math.min(all.length, Math.max(0, Math.trunc(from)))
      return [...all.subarray(first, first + Math.max(0, count))].map(index.place)
    },
    resolve: (path) => {
      if (!path.startsWith(PATH_PREFIX)) return undefined
      const parts = path.slice(PATH_PREFIX.length).replace(/\/$/, '').split('/')
      const [slug = '', country, region, id] = parts
      const places = namesakes(slug)
      const wanted = slugKey(path.replace(/\/$/, ''))
      const exact = places.find((place) => slugKey(place.path) === wanted)
      if (exact) return { kind: 'place', place: exact, canonical: exact.path === path }
      if (parts.length === 1 && places.length > 1) {
        const own = `${PATH_PREFIX}${placeSlug(places[0] as Place)}`
        return { kind: 'namesakes', path: own, places, canonical: own === path }
      }
      const longer = places.find((place) => fits(place, country, region, id))
      if (longer) return { kind: 'place', place: longer, canonical: false }
      // Another name of a place: /city/Kiev, /city/Казань.
      if (parts.length > 1) return undefined
      const named = findWholeName(index, decodeSlug(slug).replaceAll('_', ' '))
      return named && { kind: 'place', place: named.place, canonical: false }
    },
  }
}

/**
 * The places whose path key is `key`, largest first: those with it as an own key (namesakeKey),
 * checked, and the few the file lists as odd ("St_Louis": its own key is "saint louis").
 */
const findNamesakes = (
  index: PlaceIndex,
  key: string,
  odd: ReadonlyMap<string, readonly number[]>,
): Place[] => {
  const found: Place[] = []
  const { postings, postingStarts } = index.keys
  const number = findKey(index.keys, namesakeKey(key))
  const last = number < 0 ? 0 : (postingStarts[number + 1] as number)
  for (let p = number < 0 ? 0 : (postingStarts[number] as number); p < last; p++) {
    const posting = postings[p] as number
    if (posting % KINDS !== KIND.primary) continue
    const place = index.place((posting - KIND.primary) / KINDS)
    if (pathKeyOf(place.path) === key) found.push(place)
  }
  for (const rank of odd.get(key) ?? []) found.push(index.place(rank))
  return found.sort((a, b) => a.index - b.index)
}

/** The file's odd places (a hundred or so) by path key. */
const groupOddPaths = (index: PlaceIndex) => {
  const odd = new Map<string, number[]>()
  for (const rank of index.oddPaths) {
    const key = pathKeyOf(index.place(rank).path)
    odd.set(key, [...(odd.get(key) ?? []), rank])
  }
  return odd
}

/** Whether a place is the one a longer path names: country, region slug, GeoNames id. */
const fits = (place: Place, country?: string, region?: string, id?: string) => {
  if (!country || country.toUpperCase() !== place.country) return false
  if (region !== undefined && slugKey(region) !== slugKey(slugOf(place.region?.en ?? ''))) {
    return false
  }
  return id === undefined || id === place.path.slice(PATH_PREFIX.length).split('/')[3]
}

const decodeSlug = (slug: string) => {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}
