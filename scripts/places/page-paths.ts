// Each place's canonical page path (docs/places.md, "Page paths"): /city/Kazan for the place that
// owns its name, /city/Springfield/US/Illinois where several share it.
import { PATH_PREFIX, placeSlug } from '../../src/places/index-file.ts'
import { slugKey, slugOf } from '../../src/places/normalize.ts'

/** The largest namesake owns the short path when it is this many times the next one's size. */
export const OWNER_FACTOR = 5

export type PathedPlace = {
  id: number
  name: string
  ascii: string
  country: string
  /** The region's English name, '' where the place has none. */
  region: string
  population: number
}

/**
 * Canonical paths, places given largest first. The owner of a name takes /city/{Name}; the
 * others /city/{Name}/{CC}/{Region} (or /city/{Name}/{CC} with no region), and where two of
 * those meet, the smaller adds its GeoNames id. Paths are distinct in any case.
 */
export const assignPaths = (places: readonly PathedPlace[]): string[] => {
  const namesakes = new Map<string, PathedPlace[]>()
  for (const place of places) {
    const key = slugKey(placeSlug(place))
    const group = namesakes.get(key)
    if (group) group.push(place)
    else namesakes.set(key, [place])
  }
  const taken = new Set<string>()
  return places.map((place) => {
    const slug = placeSlug(place)
    const group = namesakes.get(slugKey(slug)) ?? []
    if (group[0] === place && ownsName(group)) return claim(taken, `${PATH_PREFIX}${slug}`)
    const region = slugOf(place.region)
    const path = `${PATH_PREFIX}${slug}/${place.country}${region ? `/${region}` : ''}`
    return taken.has(slugKey(path)) ? claim(taken, `${path}/${place.id}`) : claim(taken, path)
  })
}

const ownsName = (group: readonly PathedPlace[]): boolean => {
  const [first, second] = group
  if (!first) return false
  if (!second) return true
  return first.population > 0 && first.population >= OWNER_FACTOR * second.population
}

const claim = (taken: Set<string>, path: string): string => {
  if (taken.has(slugKey(path))) throw new Error(`two places at ${path}`)
  taken.add(slugKey(path))
  return path
}
