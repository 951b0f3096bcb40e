import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { keyAt, lowerBound } from '../../src/places/key-table.ts'
import { foldName } from '../../src/places/normalize.ts'
import { createPlacePaths } from '../../src/places/paths.ts'
import { loadPlaceIndex, PLACES_DIR } from '../../src/places/place-index.ts'
import { sizesOf } from '../../src/places/rank.ts'
import { createPlaceSearch, rankKeys } from '../../src/places/search.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const index = loadPlaceIndex()
const search = createPlaceSearch(index)
const first = (query: string) => {
  const place = search.search(query, 1)[0]
  assert.ok(place, query)
  return place
}
/** Each query's first place is in that country, with that value as its `field`. */
const assertFirsts = (
  field: 'name' | 'ru',
  cases: ReadonlyArray<readonly [query: string, country: string, value: string]>,
) => {
  for (const [query, country, value] of cases) {
    const place = first(query)
    assert.deepEqual([place.country, place[field]], [country, value], query)
  }
}

test('Казань finds Kazan, Russia, in Europe/Moscow', () => {
  const kazan = first('Казань')
  assert.deepEqual([kazan.ru, kazan.country, kazan.zone], ['Казань', 'RU', 'Europe/Moscow'])
  assert.equal(kazan.ruIn, 'Казани')
})

test('Saint Petersburg finds the Russian city first, by every spelling', () => {
  for (const query of [
    'Saint Petersburg',
    'St Petersburg',
    'St. Petersburg',
    'Sankt-Peterburg',
    'Санкт-Петербург',
  ]) {
    const place = first(query)
    assert.deepEqual([place.country, place.zone], ['RU', 'Europe/Moscow'], query)
  }
})

test('Springfield finds several, the largest first', () => {
  const found = search.search('Springfield')
  assert.ok(found.length >= 5)
  const populations = found.filter((p) => p.name === 'Springfield').map((p) => p.population)
  assert.deepEqual(
    populations,
    [...populations].sort((a, b) => b - a),
  )
})

test('other spellings find the city people mean', () => {
  assertFirsts('name', [
    ['Sao Paulo', 'BR', 'São Paulo'],
    ['Zurich', 'CH', 'Zürich'],
    ['Kiev', 'UA', 'Kyiv'],
    ['Kyiv', 'UA', 'Kyiv'],
    ['Nizhny Novgorod', 'RU', 'Nizhniy Novgorod'],
    ['Sochi', 'RU', 'Sochi'],
  ])
})

test('a sample of Russian names', () => {
  assertFirsts('ru', [
    ['Kazan', 'RU', 'Казань'],
    ['Saint Petersburg', 'RU', 'Санкт-Петербург'],
    ['Nizhniy Novgorod', 'RU', 'Нижний Новгород'],
    ['Sochi', 'RU', 'Сочи'],
    ['London', 'GB', 'Лондон'],
    ['Springfield', 'US', 'Спрингфилд'],
    ['Moscow', 'RU', 'Москва'],
  ])
})

test('well-known foreign cities have their Russian names', () => {
  assertFirsts('ru', [
    ['Munich', 'DE', 'Мюнхен'],
    ['Barcelona', 'ES', 'Барселона'],
    ['Vienna', 'AT', 'Вена'],
    ['Warsaw', 'PL', 'Варшава'],
    ['Prague', 'CZ', 'Прага'],
    ['Beijing', 'CN', 'Пекин'],
    ['New York City', 'US', 'Нью-Йорк'],
    ['Istanbul', 'TR', 'Стамбул'],
    ['Milan', 'IT', 'Милан'],
    ['Hamburg', 'DE', 'Гамбург'],
    ['Lisbon', 'PT', 'Лиссабон'],
    ['Paris', 'FR', 'Париж'],
    ['Houston', 'US', 'Хьюстон'],
    ['Shenzhen', 'CN', 'Шэньчжэнь'],
  ])
  const cologne = first('Köln')
  assert.equal(cologne.country, 'DE')
  assert.match(cologne.ru, /^К[её]льн$/)
})

test('places in Russia have Russian, not Ukrainian, spellings', () => {
  for (const [query, ru] of [
    ['Omsk', 'Омск'],
    ['Tomsk', 'Томск'],
    ['Kursk', 'Курск'],
    ['Khabarovsk', 'Хабаровск'],
    ['Murmansk', 'Мурманск'],
  ] as const) {
    assert.equal(first(query).ru, ru, query)
  }
})

test('every place is in a zone the service lists, and the counts are those of source.json', () => {
  const registry = createZoneRegistry()
  const source = JSON.parse(readFileSync(new URL('source.json', PLACES_DIR), 'utf8'))
  assert.equal(index.size, source.places)
  const zones = new Set<string>()
  for (let i = 0; i < index.size; i += 1) zones.add(index.record(i).zone)
  for (const zone of zones) assert.equal(registry.listed(zone), zone, zone)
})

test('every place’s page path finds that place, and only a hundred or so are odd', () => {
  const paths = createPlacePaths(index)
  for (let i = 0; i < index.size; i++) {
    const { path } = index.place(i)
    const found = paths.resolve(path)
    assert.ok(found?.kind === 'place' && found.canonical && found.place.index === i, path)
  }
  assert.ok(index.oddPaths.length > 0 && index.oddPaths.length < 1000, `${index.oddPaths.length}`)
  const stLouis = paths.resolve('/city/St_Louis')
  assert.equal(stLouis?.kind === 'place' && stLouis.place.country, 'US')
})

test('well-known cities first, for their names in other languages and for a few letters', () => {
  assertFirsts('name', [
    ['Cologne', 'DE', 'Köln'],
    ['Sa', 'BR', 'São Paulo'],
    ['Mos', 'RU', 'Moscow'],
    ['Мос', 'RU', 'Moscow'],
    ['Saint Petersburg', 'RU', 'Saint Petersburg'],
    ['Санкт', 'RU', 'Saint Petersburg'],
    ['Kiev', 'UA', 'Kyiv'],
    ['Sochi', 'RU', 'Sochi'],
    ['Paris', 'FR', 'Paris'],
    ['London', 'GB', 'London'],
    ['Moscow', 'RU', 'Moscow'],
    ['Geneva', 'CH', 'Genève'],
    ['Hanover', 'DE', 'Hannover'],
    ['Frankfurt', 'DE', 'Frankfurt am Main'],
    ['Mexico', 'MX', 'Mexico City'],
    ['Bombay', 'IN', 'Mumbai'],
    // An own whole name holds against a place not 8 times larger by another name, 64 times by
    // its own name's beginning, 4,096 by a later word's.
    ['Springfield', 'US', 'Springfield'],
    ['Spring', 'US', 'Spring'],
    ['York', 'GB', 'York'],
    ['Novgorod', 'RU', 'Velikiy Novgorod'],
  ])
  assert.equal(first('Springfield').population, 166810, 'the largest Springfield')
  assert.equal(first('Санкт').ru, 'Санкт-Петербург')
})

test('the file’s answers for the heaviest prefixes are those of the reader’s ranking', () => {
  const sizes = sizesOf(index.size, index.population)
  for (const query of ['s', 'sa', 'san', 'м', 'мо', 'k']) {
    const key = foldName(query)
    const start = lowerBound(index.keys, key)
    let end = start
    while (end < index.keys.starts.length - 1 && keyAt(index.keys, end).startsWith(key)) end++
    assert.ok(index.tops.has(key), query)
    assert.deepEqual(index.tops.get(key), rankKeys(index.keys, sizes, key, start, end, 50), query)
  }
})
