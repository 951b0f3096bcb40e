// Writes data/cities/cities.json: every listed zone's city name in each page language, from CLDR's
// exemplar cities (npm cldr-dates-full, Unicode License v3), so the service needs no CLDR at run time.
//
// Usage: node scripts/generate-cities.ts   (fetches the pinned package with `npm pack` into a cache)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES } from '../src/i18n/languages.ts'
import { tzdbNames } from '../src/time/tzdb.ts'
import { createZoneRegistry } from '../src/time/zones.ts'

export const CLDR_VERSION = '48.2.0'

type Tree = { [key: string]: Tree | string | undefined; exemplarCity?: string }

/** CLDR's zone tree as zone ID -> exemplar city, for the zones that name one. */
export const exemplarCities = (tree: Tree, prefix = ''): Map<string, string> => {
  const cities = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (!value || typeof value !== 'object') continue
    const id = prefix ? `${prefix}/${key}` : key
    if (typeof value.exemplarCity === 'string') cities.set(id, value.exemplarCity)
    for (const [inner, city] of exemplarCities(value, id)) cities.set(inner, city)
  }
  return cities
}

/** A zone ID read as a place: "America/Port_of_Spain" -> "Port of Spain". */
export const placeOf = (zone: string) => (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')

/**
 * Each zone's name per language: CLDR's exemplar city under the zone's name or any of its tzdb
 * aliases (CLDR keeps older IDs: Europe/Kiev, America/Buenos_Aires); else English's, else the ID.
 * English CLDR leaves out names that equal the ID's last part, so that is its fallback too.
 */
export const nameCities = (
  zones: readonly string[],
  links: Readonly<Record<string, string>>,
  cldr: Readonly<Record<string, Map<string, string>>>,
): Record<string, Record<string, string>> => {
  const aliases = new Map<string, string[]>()
  for (const [link, target] of Object.entries(links))
    aliases.set(target, [...(aliases.get(target) ?? []), link])
  const names: Record<string, Record<string, string>> = {}
  for (const zone of zones) {
    const ids = [zone, ...(aliases.get(zone) ?? []).sort()]
    const find = (language: string) =>
      ids.map((id) => cldr[language]?.get(id)).find((city) => city !== undefined)
    const english = find('en') ?? placeOf(zone)
    names[zone] = Object.fromEntries(
      Object.keys(cldr).map((language) => [language, find(language) ?? english]),
    )
  }
  return names
}

const fetchCldr = (version: string) => {
  const dir = join(homedir(), '.cache', 'moscow-time', `cldr-dates-full-${version}`)
  if (!existsSync(join(dir, 'package', 'LICENSE'))) {
    mkdirSync(dir, { recursive: true })
    execFileSync('npm', ['pack', `cldr-dates-full@${version}`, '--silent'], { cwd: dir })
    const files = [
      ...LANGUAGES.map((l) => `package/main/${l}/timeZoneNames.json`),
      'package/LICENSE',
    ]
    execFileSync('tar', ['-xzf', `cldr-dates-full-${version}.tgz`, ...files], { cwd: dir })
  }
  return dir
}

if (import.meta.main) {
  const dir = fetchCldr(CLDR_VERSION)
  const cldr = Object.fromEntries(
    LANGUAGES.map((language) => {
      const file = join(dir, 'package', 'main', language, 'timeZoneNames.json')
      const json = JSON.parse(readFileSync(file, 'utf8'))
      return [language, exemplarCities(json.main[language].dates.timeZoneNames.zone)]
    }),
  )
  const cities = nameCities(createZoneRegistry().names, tzdbNames.links, cldr)
  const source = {
    package: 'cldr-dates-full',
    version: CLDR_VERSION,
    licence: 'Unicode License v3 (https://www.unicode.org/license.txt), © Unicode, Inc.',
  }
  const out = new URL('../data/cities/cities.json', import.meta.url)
  writeFileSync(out, `${JSON.stringify({ source, cities })}\n`)
  const fromCldr = LANGUAGES.map(
    (l) => `${l} ${Object.keys(cities).filter((z) => cldr[l]?.has(z)).length}`,
  )
  console.log(
    `${Object.keys(cities).length} zones; named by CLDR under their own ID: ${fromCldr.join(', ')}`,
  )
}
