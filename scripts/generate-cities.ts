// Writes data/cities/cities.json: every listed zone's city name in each page language, from CLDR's
// exemplar cities (npm cldr-dates-full; Unicode License v3, copied to data/cities/LICENSE), so
// the service carries a 26 KB table instead of CLDR. docs/page.md, "City names", has more.
//
// Usage: node scripts/generate-cities.ts [--version <CLDR version, or latest>]
// CLDR lives in scripts/cities/ (its own package.json and lockfile), installed here on demand, so
// the root install never carries its ~100 MB.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { LANGUAGES } from '../src/i18n/languages.ts'
import { tzdbNames } from '../src/time/tzdb.ts'
import { createZoneRegistry } from '../src/time/zones.ts'
import { installPinnedInputs } from './pinned-inputs.ts'

/** CLDR's `zone` tree: nested by the ID's parts, a zone's node holding its names. */
export type ZoneTree = { [key: string]: ZoneTree | string | undefined }
/** CLDR's BCP 47 time zone keys (bcp47/timezone.json): `_alias` lists IDs, CLDR's own first. */
export type Bcp47Zones = Record<
  string,
  { _alias?: string; _deprecated?: boolean; _preferred?: string } | undefined
>
export type CityTable = Record<string, Record<string, string>>

/** CLDR's zone tree as zone ID -> exemplar city, for the zones that name one. */
export const exemplarCities = (tree: ZoneTree, prefix = ''): Map<string, string> => {
  const cities = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (!value || typeof value !== 'object') continue
    const id = prefix ? `${prefix}/${key}` : key
    if (typeof value.exemplarCity === 'string') cities.set(id, value.exemplarCity)
    // Zone nodes nest only name forms (long, short), which hold no exemplarCity: no harm walking.
    for (const [inner, city] of exemplarCities(value, id)) cities.set(inner, city)
  }
  return cities
}

/** Every ID CLDR knows -> the ID CLDR keys its names by (Asia/Kolkata -> Asia/Calcutta). */
export const cldrAliases = (zones: Bcp47Zones): Map<string, string> => {
  const aliases = new Map<string, string>()
  for (const entry of Object.values(zones)) {
    // Deprecated keys (EST5EDT, Asia/Chongqing's) carry no IDs, only a pointer to another key.
    const ids = entry?._deprecated ? [] : (entry?._alias?.split(' ') ?? [])
    for (const id of ids) aliases.set(id, ids[0] as string)
  }
  return aliases
}

/**
 * Each listed zone's ID in CLDR's data. CLDR keeps its first ID for a place, so tzdb's renames
 * (Europe/Kyiv, Asia/Kolkata) are found under the old one through CLDR's own aliases. tzdb's links
 * are the way only for a zone CLDR does not know at all (a rename newer than the CLDR release):
 * a tzdb link also merges places (Europe/Busingen -> Europe/Zurich, America/Coral_Harbour ->
 * America/Panama), and CLDR names each of those as its own city, so a link must never lend its
 * name to a zone CLDR has. One-part names (CET, EST5EDT) keep their own: CLDR aliases them to a
 * city (CET to Brussels), but their page is a zone's, not Brussels's.
 */
export const cldrKeys = (
  zones: readonly string[],
  links: Readonly<Record<string, string>>,
  aliases: ReadonlyMap<string, string>,
  cityKeys: ReadonlySet<string>,
): Map<string, string> => {
  const linksTo = new Map<string, string[]>()
  for (const [link, target] of Object.entries(links)) {
    linksTo.set(target, [...(linksTo.get(target) ?? []), link])
  }
  const keyOf = (id: string) => aliases.get(id) ?? (cityKeys.has(id) ? id : undefined)
  const keys = new Map<string, string>()
  for (const zone of zones) {
    const viaLink = () =>
      (linksTo.get(zone) ?? [])
        .filter((link) => link.includes('/'))
        .sort()
        .map(keyOf)
        .find((key) => key !== undefined)
    const key = zone.includes('/') ? (keyOf(zone) ?? viaLink() ?? zone) : zone
    keys.set(zone, key)
  }
  return keys
}

/** A zone ID read as a place: "America/Port_of_Spain" -> "Port of Spain", "Etc/GMT+5" -> "GMT+5". */
export const placeOf = (zone: string): string =>
  (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')

/**
 * Each zone's name per language, CLDR's fallbacks: English CLDR leaves out a city equal to the
 * ID's last part, so that part is English's name where CLDR has none; any other language without
 * a name of its own takes English's (GMT+5, or a Latin name where Russian CLDR has no Cyrillic).
 */
export const nameCities = (
  keys: ReadonlyMap<string, string>,
  cities: Readonly<Record<string, ReadonlyMap<string, string>>>,
): CityTable => {
  const table: CityTable = {}
  for (const [zone, key] of keys) {
    const english = cities.en?.get(key) ?? placeOf(zone)
    table[zone] = Object.fromEntries(
      Object.entries(cities).map(([language, names]) => [language, names.get(key) ?? english]),
    )
  }
  return table
}

// ---- the run: install CLDR, read it, write the table ----

const INPUTS_DIR = new URL('./cities/', import.meta.url)
const OUT_DIR = new URL('../data/cities/', import.meta.url)
const DATES = 'cldr-dates-full'
const BCP47 = 'cldr-bcp47'

if (import.meta.main) main()

function main(): void {
  const { values } = parseArgs({ options: { version: { type: 'string' } } })
  // Both packages come from one CLDR release; the aliases must match the names.
  const moves = values.version ? [`${DATES}@${values.version}`, `${BCP47}@${values.version}`] : []
  const { versions, file } = installPinnedInputs(INPUTS_DIR, moves)
  const input = (path: string) => readJson(file(path))

  const cities = Object.fromEntries(
    LANGUAGES.map((language) => {
      const json = input(`${DATES}/main/${language}/timeZoneNames.json`) as {
        main: Record<string, { dates: { timeZoneNames: { zone: ZoneTree } } }>
      }
      const zone = json.main[language]?.dates.timeZoneNames.zone
      if (!zone) throw new Error(`${DATES}: no zone names for ${language}`)
      return [language, exemplarCities(zone)]
    }),
  )
  const bcp47 = input(`${BCP47}/bcp47/timezone.json`) as {
    keyword: { u: { tz: Bcp47Zones } }
  }
  const aliases = cldrAliases(bcp47.keyword.u.tz)
  const cityKeys = new Set(Object.values(cities).flatMap((names) => [...names.keys()]))
  const zones = createZoneRegistry().names
  const keys = cldrKeys(zones, tzdbNames.links, aliases, cityKeys)
  const table = nameCities(keys, cities)

  const source = {
    package: DATES,
    version: versions[DATES],
    aliases: { package: BCP47, version: versions[BCP47] },
    licence: 'Unicode License v3 (Unicode-3.0), © Unicode, Inc.; notice in data/cities/LICENSE',
  }
  mkdirSync(OUT_DIR, { recursive: true })
  const json = `${JSON.stringify({ source, cities: table })}\n`
  writeFileSync(new URL('cities.json', OUT_DIR), json)
  // The licence asks for its notice beside every copy of the data.
  copyFileSync(file(`${DATES}/LICENSE`), new URL('LICENSE', OUT_DIR))

  const renamed = [...keys].filter(([zone, key]) => zone !== key && cityKeys.has(key))
  console.log(`${zones.length} zones, ${Buffer.byteLength(json)} bytes`)
  for (const [language, names] of Object.entries(cities)) {
    const named = zones.filter((zone) => names.has(keys.get(zone) as string)).length
    console.log(`${language}: ${named} from CLDR, ${zones.length - named} by fallback`)
  }
  console.log(`under another ID: ${renamed.map(([zone, key]) => `${zone} (${key})`).join(', ')}`)
}

function readJson(file: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}
