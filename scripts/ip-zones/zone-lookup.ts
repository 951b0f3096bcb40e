// A DB-IP record's zone: its coordinates through geo-tz's polygons, each place looked up once.
import type { DbipCity, Inputs } from './inputs.ts'

export type ZoneLookup = {
  /** The zone at the record's coordinates; undefined for a record without them. */
  zoneOf: (city: DbipCity | null) => string | undefined
  /** How many distinct places have been looked up. */
  places: () => number
}

export function createZoneLookup(findZones: Inputs['findZones']): ZoneLookup {
  const cache = new Map<string, string | undefined>()
  const zoneOf = (city: DbipCity | null) => {
    if (typeof city?.latitude !== 'number' || typeof city.longitude !== 'number') return undefined
    const key = `${city.latitude},${city.longitude}`
    if (!cache.has(key)) cache.set(key, findZones(city.latitude, city.longitude)[0])
    return cache.get(key)
  }
  return { zoneOf, places: () => cache.size }
}
