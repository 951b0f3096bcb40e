import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { encodeIndex } from '../../scripts/places/encode-index.ts'
import { isIncluded, parseGeoNamesRow } from '../../scripts/places/geonames.ts'
import { pickRussianName, romanize } from '../../scripts/places/russian-names.ts'
import { alternateCap, isSearchableAlternate } from '../../scripts/places/search-keys.ts'
import { applyLocativeEdit, INDEX_FILE, locativeEdit } from '../../src/places/index-file.ts'
import { compressIndexFile, loadPlaceIndex } from '../../src/places/place-index.ts'
import { buildFixture, ROWS } from './fixture.ts'

const { tables, stats } = buildFixture()
const byName = (name: string, country: string) => {
  const place = tables.places.find((p) => p.name === name && p.country === country)
  assert.ok(place, `${name}, ${country}`)
  return place
}

test('places of at least 1,000 people and seats are in; smaller, historical ones are not', () => {
  const rows = ROWS.split('\n').map((line) => parseGeoNamesRow(line))
  assert.equal(rows.filter((r) => r && isIncluded(r)).length, 13)
  const names = tables.places.map((p) => p.name)
  assert.ok(names.includes('Seat'), 'a PPLA3 with no known population')
  assert.ok(!names.includes('Tiny'), '999 people')
  assert.ok(!names.includes('Old Town'), 'PPLH')
})

test('places come largest first', () => {
  const populations = tables.places.map((p) => p.population)
  assert.deepEqual(
    populations,
    [...populations].sort((a, b) => b - a),
  )
})

test("the polygons' zone beats the source's, and the disagreement is counted", () => {
  assert.equal(byName('Saratov', 'RU').zone, 'Europe/Saratov')
  assert.equal(stats.zoneDisagreements, 1)
  assert.deepEqual(stats.zoneChanges[0], {
    name: 'Saratov',
    country: 'RU',
    source: 'Europe/Volgograd',
    polygons: 'Europe/Saratov',
  })
  // A link in the source (Europe/Kiev) is the listed zone it stands for, not a disagreement.
  assert.equal(byName('Kyiv', 'UA').zone, 'Europe/Kyiv')
})

test('the Russian name is picked from the alternates', () => {
  assert.equal(byName('Kazan', 'RU').ru, 'Казань')
  assert.equal(byName('Saint Petersburg', 'RU').ru, 'Санкт-Петербург')
  assert.equal(byName('Kyiv', 'UA').ru, 'Киев')
  assert.equal(byName('Springfield', 'US').ru, 'Спрингфилд')
  assert.equal(byName('São Paulo', 'BR').ru, 'Сан-Паулу')
  assert.equal(byName('Zürich', 'CH').ru, 'Цюрих')
  assert.equal(byName('Moscow', 'RU').ru, 'Москва', "CLDR's name for the zone's city")
  assert.equal(byName('Seat', 'UA').ru, '', 'none to pick')
  assert.equal(stats.russianNames, 12)
})

test('names in other Cyrillic alphabets, inflected or with a generic word are never picked', () => {
  const pick = (alternates: string[]) =>
    pickRussianName({ name: 'X', ascii: 'X', country: 'XX', alternates })
  assert.equal(pick(['Київ', 'Кијев']), undefined)
  assert.equal(pick(['Лондонъ']), undefined)
  assert.equal(pick(['Минск ош']), undefined)
  assert.equal(pick(['Москвы', 'Москва']), 'Москва')
  assert.equal(romanize('Нижний Новгород'), 'nizhniy novgorod')
  assert.equal(romanize('Екатеринбург'), 'yekaterinburg')
})

test('the locative is kept as an edit of the name', () => {
  assert.equal(byName('Kazan', 'RU').ruIn, 'Казани')
  for (const [name, locative] of [
    ['Казань', 'Казани'],
    ['Нижний Новгород', 'Нижнем Новгороде'],
    ['Сочи', 'Сочи'],
  ] as const) {
    assert.equal(applyLocativeEdit(name, locativeEdit(name, locative)), locative)
  }
})

test('page paths: the owner of a name has it, namesakes add country and region', () => {
  assert.equal(byName('Kazan', 'RU').path, '/city/Kazan')
  assert.equal(byName('Moscow', 'RU').path, '/city/Moscow')
  assert.equal(byName('Moscow', 'US').path, '/city/Moscow/US/Idaho')
  const springfields = tables.places.filter((p) => p.name === 'Springfield').map((p) => p.path)
  assert.deepEqual(springfields, [
    '/city/Springfield/US/Missouri',
    '/city/Springfield/US/Massachusetts',
    '/city/Springfield/US/Illinois',
  ])
  assert.equal(byName('São Paulo', 'BR').path, '/city/Sao_Paulo')
  assert.equal(new Set(tables.places.map((p) => p.path.toLowerCase())).size, tables.places.length)
})

test('regions and countries only as the places use them', () => {
  assert.deepEqual(tables.regions.get('RU.73'), { en: 'Tatarstan', ru: 'Татарстан' })
  assert.equal(tables.countries.size, 5)
})

test('alternates worth typing: Latin or Cyrillic, not codes, not machine romanizations', () => {
  assert.ok(isSearchableAlternate('Sankt-Peterburg'))
  assert.ok(isSearchableAlternate('Санкт-Петербург'))
  assert.ok(!isSearchableAlternate('ZRH'))
  assert.ok(!isSearchableAlternate('lun dun'))
  assert.ok(!isSearchableAlternate('Σάο Πάολο'))
  assert.ok(alternateCap(5_000_000) > alternateCap(5_000))
})

test('the index loads from its .br alone, as the image ships it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'places-'))
  try {
    writeFileSync(join(dir, `${INDEX_FILE}.br`), compressIndexFile(encodeIndex(tables)))
    const index = loadPlaceIndex(pathToFileURL(`${dir}/`))
    assert.equal(index.place(0).name, tables.places[0]?.name)
    assert.equal(index.size, tables.places.length)
  } finally {
    rmSync(dir, { recursive: true })
  }
})
