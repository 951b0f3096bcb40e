// The zones the service lists and answers: names, aliases in any case, areas.
import { tzdbNames, type ZoneNames } from './tzdb.ts'

export type ZoneRegistry = {
  /** Every zone the API lists, sorted: tzdb's zones and the one-part names it listed until 2024. */
  readonly names: readonly string[]
  /** The properly cased zone for a name or alias (any case), or undefined if unknown. */
  resolve(name: string): string | undefined
  /** The listed zone a name stands for (any case, an alias as its target), or undefined. */
  listed(name: string): string | undefined
  /** The listed zones under an area such as "America" (any case), or undefined if none. */
  inArea(area: string): readonly string[] | undefined
}

// Zones until tzdb 2024b made them links; clients walk the list and ask for each name.
const FORMER_ZONES = [
  'CET',
  'CST6CDT',
  'EET',
  'EST',
  'EST5EDT',
  'HST',
  'MET',
  'MST',
  'MST7MDT',
  'PST8PDT',
  'WET',
]
// A placeholder for machines with no zone set, not a place.
const NOT_PLACES = new Set(['Factory'])
// Longer than any IANA name; spares the lookup for junk.
const MAX_NAME = 64

export const createZoneRegistry = (tzdb: ZoneNames = tzdbNames): ZoneRegistry => {
  const known = new Set([...tzdb.zones, ...Object.keys(tzdb.links)])
  const names = [...tzdb.zones, ...FORMER_ZONES.filter((name) => tzdb.links[name])]
    .filter((name) => !NOT_PLACES.has(name))
    .sort()
  const byLowerCase = new Map<string, string>()
  for (const name of known) {
    if (!NOT_PLACES.has(name)) byLowerCase.set(name.toLowerCase(), name)
  }
  const areas = new Map<string, string[]>()
  for (const name of names) {
    const slash = name.indexOf('/')
    if (slash < 0) continue
    const area = name.slice(0, slash).toLowerCase()
    areas.set(area, [...(areas.get(area) ?? []), name])
  }
  const isListed = new Set(names)
  const resolve = (name: string) =>
    name.length > MAX_NAME ? undefined : byLowerCase.get(name.toLowerCase())
  return {
    names,
    resolve,
    listed: (name) => {
      const resolved = resolve(name)
      if (resolved === undefined || isListed.has(resolved)) return resolved
      const target = tzdb.links[resolved]
      return target !== undefined && isListed.has(target) ? target : undefined
    },
    inArea: (area) => areas.get(area.toLowerCase()),
  }
}
