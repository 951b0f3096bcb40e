import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { loadPlaceIndex, PLACES_DIR } from '../../src/places/place-index.ts'
import { createPlaceSearch } from '../../src/places/search.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const index = loadPlaceIndex()
const search = createPlaceSearch(index)
const first = (query: string) => {
  const place = search.search(query, 1)[0]
  assert.ok(place, query)
  return place
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
  for (const [query, country, name] of [
    ['Sao Paulo', 'BR', 'São Paulo'],
    ['Zurich', 'CH', 'Zürich'],
    ['Kiev', 'UA', 'Kyiv'],
    ['Kyiv', 'UA', 'Kyiv'],
    ['Nizhny Novgorod', 'RU', 'Nizhniy Novgorod'],
    ['Sochi', 'RU', 'Sochi'],
  ] as const) {
    const place = first(query)
    assert.deepEqual([place.country, place.name], [country, name], query)
  }
})

test('a sample of Russian names', () => {
  for (const [query, country, ru] of [
    ['Kazan', 'RU', 'Казань'],
    ['Saint Petersburg', 'RU', 'Санкт-Петербург'],
    ['Nizhniy Novgorod', 'RU', 'Нижний Новгород'],
    ['Sochi', 'RU', 'Сочи'],
    ['London', 'GB', 'Лондон'],
    ['Springfield', 'US', 'Спрингфилд'],
    ['Moscow', 'RU', 'Москва'],
  ] as const) {
    const place = first(query)
    assert.deepEqual([place.country, place.ru], [country, ru], query)
  }
})

test('well-known foreign cities have their Russian names', () => {
  for (const [query, country, ru] of [
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
  ] as const) {
    const place = first(query)
    assert.deepEqual([place.country, place.ru], [country, ru], query)
  }
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
