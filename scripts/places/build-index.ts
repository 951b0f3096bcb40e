// The place index from GeoNames rows: which places, their zone from the polygons, their Russian
// names, paths and search keys. Pure: the generator and the tests hand it every input.

import type { IndexTables, Names, PlaceRecord, PlacesSource } from '../../src/places/index-file.ts'
import { foldName } from '../../src/places/normalize.ts'
import { type GeoNamesRow, isIncluded } from './geonames.ts'
import { assignPaths } from './page-paths.ts'
import { pickRussianName } from './russian-names.ts'
import { buildKeys } from './search-keys.ts'

export type BuildInputs = {
  rows: Iterable<GeoNamesRow>
  /** The zone at a point, from the polygons (geo-tz); undefined where none. */
  zoneAt: (latitude: number, longitude: number) => string | undefined
  /** The listed zone a name stands for (createZoneRegistry().listed), or undefined. */
  listed: (zone: string) => string | undefined
  countries: ReadonlyMap<string, Names>
  regions: ReadonlyMap<string, Names>
  /** CLDR's exemplar city of each zone (data/cities): its Russian name wins for that city. */
  exemplars: Readonly<Record<string, { en: string; ru?: string }>>
  /** The Russian locative of a Russian name ("Казань" -> "Казани"). */
  locative: (name: string) => string
  source: PlacesSource
}

export type ZoneChange = { name: string; country: string; source: string; polygons: string }

export type BuildStats = {
  places: number
  russianNames: number
  russianFromCldr: number
  zoneDisagreements: number
  zoneChanges: ZoneChange[]
  /** Places whose point the polygons leave at sea (Etc/GMT...) or unlisted: the source's zone. */
  zoneFromSource: number
}

type Draft = PlaceRecord & { id: number; alternates: readonly string[] }

export const buildIndex = (inputs: BuildInputs): { tables: IndexTables; stats: BuildStats } => {
  const stats: BuildStats = {
    places: 0,
    russianNames: 0,
    russianFromCldr: 0,
    zoneDisagreements: 0,
    zoneChanges: [],
    zoneFromSource: 0,
  }
  const drafts: Draft[] = []
  for (const row of inputs.rows) {
    if (!isIncluded(row)) continue
    const zone = zoneOf(row, inputs, stats)
    if (zone) drafts.push(draftOf(row, zone))
  }
  drafts.sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1) || a.id - b.id)
  nameInRussian(drafts, inputs, stats)
  const paths = assignPaths(
    drafts.map((d) => ({ ...d, region: inputs.regions.get(`${d.country}.${d.admin1}`)?.en ?? '' })),
  )
  const places = drafts.map(({ id: _, alternates: __, ...place }, i) => ({
    ...place,
    path: paths[i] as string,
  }))
  const keys = buildKeys(
    drafts.map((d) => ({
      primary: [d.name, d.ascii, d.ru],
      alternates: d.alternates,
      population: d.population,
    })),
  )
  stats.places = places.length
  const zones = [...new Set(places.map((p) => p.zone))].sort()
  const usedCountries = new Set(places.map((p) => p.country))
  const usedRegions = new Set(places.map((p) => `${p.country}.${p.admin1}`))
  const countries = new Map([...inputs.countries].filter(([code]) => usedCountries.has(code)))
  const regions = new Map([...inputs.regions].filter(([code]) => usedRegions.has(code)))
  return { tables: { source: inputs.source, zones, countries, regions, places, keys }, stats }
}

/** The polygons' zone; the source's where the polygons give none or only a sea zone. */
const zoneOf = (row: GeoNamesRow, inputs: BuildInputs, stats: BuildStats): string | undefined => {
  const fromSource = inputs.listed(row.zone)
  const found = inputs.zoneAt(row.latitude, row.longitude)
  let zone = found === undefined ? undefined : inputs.listed(found)
  if (zone === undefined || (zone.startsWith('Etc/') && fromSource)) {
    stats.zoneFromSource++
    zone = fromSource
  } else if (fromSource !== zone) {
    stats.zoneDisagreements++
    const change = { name: row.name, country: row.country, source: row.zone, polygons: zone }
    stats.zoneChanges.push(change)
  }
  return zone
}

const draftOf = (row: GeoNamesRow, zone: string): Draft => ({
  id: row.id,
  name: row.name,
  ascii: row.ascii || row.name,
  ru: '',
  ruIn: '',
  country: row.country,
  admin1: row.admin1,
  latitude: row.latitude,
  longitude: row.longitude,
  population: row.population,
  zone,
  path: '',
  alternates: row.alternates,
})

/** CLDR's name for the largest place a zone is named after; the pick from alternates elsewhere. */
const nameInRussian = (drafts: Draft[], inputs: BuildInputs, stats: BuildStats) => {
  const exemplar = new Map<string, string>()
  for (const [zone, { en, ru }] of Object.entries(inputs.exemplars)) {
    if (ru && ru !== en) exemplar.set(`${zone} ${foldName(en)}`, ru)
  }
  for (const draft of drafts) {
    const key = `${draft.zone} ${foldName(draft.name)}`
    const cldr = exemplar.get(key)
    exemplar.delete(key)
    if (cldr) stats.russianFromCldr++
    draft.ru = cldr ?? pickRussianName(draft) ?? ''
    if (draft.ru) {
      stats.russianNames++
      draft.ruIn = inputs.locative(draft.ru)
    }
  }
}
