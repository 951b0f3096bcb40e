// The place index, its search and its page paths, shared by every route that needs them and each
// built on first use: start-up never reads the index, and the process holds one copy.

import { createPlacePaths, type PlacePaths } from '../places/paths.ts'
import { loadPlaceIndex, type Names, type PlaceIndex } from '../places/place-index.ts'
import { createPlaceSearch, type PlaceSearch } from '../places/search.ts'

export type PlaceData = {
  index(): PlaceIndex
  search(): PlaceSearch
  paths(): PlacePaths
  /** Every country the index names, by ISO code. */
  countries(): ReadonlyArray<{ code: string; names: Names }>
}

/** `make`'s value, made on the first call and kept. */
export const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined
  return () => {
    value ??= make()
    return value
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** The index in `dir` (by default the committed data/places/), or the one `open` gives. */
export const createPlaceData = (source?: URL | (() => PlaceIndex)): PlaceData => {
  const index = once(typeof source === 'function' ? source : () => loadPlaceIndex(source))
  const countries = once(() =>
    // Every two-letter code the index has names for: 676 look-ups, no pass over the places.
    [...LETTERS].flatMap((first) =>
      [...LETTERS].flatMap((second) => {
        const code = first + second
        const names = index().country(code)
        return names ? [{ code, names }] : []
      }),
    ),
  )
  return {
    index,
    search: once(() => createPlaceSearch(index())),
    paths: once(() => createPlacePaths(index())),
    countries,
  }
}
