// Page paths to places and back (docs/places.md, "Page paths"): what the place pages, the list
// pages of shared names and the country pages look up. Built on first use by one pass over places.
import { PATH_PREFIX, placeSlug } from './index-file.ts'
import { slugKey, slugOf } from './normalize.ts'
import type { Place, PlaceIndex } from './place-index.ts'
import { createPlaceSearch, MATCH } from './search.ts'

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
  /** A country's places (ISO alpha-2, any case), largest first. */
  inCountry(country: string): Place[]
}

export const createPlacePaths = (index: PlaceIndex): PlacePaths => {
  let bySlug: Map<string, number[]> | undefined
  let byCountry: Map<string, number[]> | undefined
  const build = () => {
    bySlug = new Map()
    byCountry = new Map()
    for (let i = 0; i < index.size; i++) {
      const { name, ascii, country, path } = index.record(i)
      const slug = slugKey(
        path.slice(PATH_PREFIX.length).split('/')[0] ?? placeSlug({ name, ascii }),
      )
      push(bySlug, slug, i)
      push(byCountry, country, i)
    }
    return { bySlug, byCountry }
  }
  const namesakes = (slug: string) =>
    ((bySlug ?? build().bySlug).get(slugKey(slug)) ?? []).map(index.place)
  const search = createPlaceSearch(index)
  return {
    namesakes,
    inCountry: (country) =>
      ((byCountry ?? build().byCountry).get(country.toUpperCase()) ?? []).map(index.place),
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
      const [best] = search.searchScored(decodeSlug(slug).replaceAll('_', ' '), 1)
      return best && best.match <= MATCH.exactAlternate
        ? { kind: 'place', place: best.place, canonical: false }
        : undefined
    },
  }
}

const push = (map: Map<string, number[]>, key: string, value: number) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
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
