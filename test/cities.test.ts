import assert from 'node:assert/strict'
import { test } from 'node:test'
import data from '../data/cities/cities.json' with { type: 'json' }
import { exemplarCities, nameCities, placeOf } from '../scripts/generate-cities.ts'
import { LANGUAGES } from '../src/i18n/languages.ts'
import { cityName } from '../src/render/cities.ts'
import { createZoneRegistry } from '../src/time/zones.ts'

test('the table names exactly the listed zones, in every language', () => {
  const cities = data.cities as Record<string, Record<string, string>>
  assert.deepEqual(Object.keys(cities).sort(), [...createZoneRegistry().names].sort())
  for (const [zone, names] of Object.entries(cities)) {
    for (const language of LANGUAGES) assert.ok(names[language], `${zone} in ${language}`)
  }
})

test('CLDR names, as CLDR spells them', () => {
  assert.equal(cityName('Asia/Tokyo', 'ru'), 'Токио')
  assert.equal(cityName('Europe/Moscow', 'en'), 'Moscow')
  assert.equal(cityName('America/Argentina/Buenos_Aires', 'ru'), 'Буэнос-Айрес')
  assert.equal(cityName('America/Argentina/Buenos_Aires', 'en'), 'Buenos Aires')
  assert.equal(cityName('Europe/Kyiv', 'en'), 'Kyiv')
})

test('an unknown zone or language falls back to English, then to the ID', () => {
  assert.equal(cityName('Asia/Tokyo', 'xx'), 'Tokyo')
  assert.equal(cityName('Mars/Olympus_Mons', 'ru'), 'Olympus Mons')
})

test('the generator finds names under tzdb aliases and falls back per language', () => {
  const cldr = {
    en: exemplarCities({ Europe: { Kiev: { exemplarCity: 'Kyiv' } } }),
    ru: exemplarCities({
      Europe: { Kiev: { exemplarCity: 'Киев' }, Moscow: { exemplarCity: 'Москва' } },
    }),
  }
  const links = { 'Europe/Kiev': 'Europe/Kyiv', 'Europe/Zaporozhye': 'Europe/Kyiv' }
  assert.deepEqual(nameCities(['Europe/Kyiv', 'Europe/Moscow', 'Etc/GMT+5'], links, cldr), {
    'Europe/Kyiv': { en: 'Kyiv', ru: 'Киев' },
    'Europe/Moscow': { en: 'Moscow', ru: 'Москва' },
    'Etc/GMT+5': { en: 'GMT+5', ru: 'GMT+5' },
  })
  assert.equal(placeOf('America/Port_of_Spain'), 'Port of Spain')
})
