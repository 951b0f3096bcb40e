import assert from 'node:assert/strict'
import { test } from 'node:test'
import data from '../../data/cities/cities.json' with { type: 'json' }
import {
  cldrAliases,
  cldrKeys,
  exemplarCities,
  nameCities,
  placeOf,
} from '../../scripts/generate-cities.ts'
import { cityName } from '../../src/render/cities.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const table: Record<string, Record<string, string>> = data.cities

test('the table names exactly the listed zones, each in English and Russian', () => {
  // A tzdb update that adds or removes a zone fails here until `npm run generate:cities`.
  assert.deepEqual(Object.keys(table), [...createZoneRegistry().names])
  for (const [zone, names] of Object.entries(table)) {
    assert.deepEqual(Object.keys(names), ['en', 'ru'], zone)
    assert.match(names.en ?? '', /\S/, `${zone} in English`)
    assert.match(names.ru ?? '', /\S/, `${zone} in Russian`)
  }
  assert.equal(data.source.package, 'cldr-dates-full')
  assert.match(data.source.licence, /Unicode License/)
})

test('CLDR names, as CLDR spells them', () => {
  const pairs = (zone: string) => [cityName(zone, 'en'), cityName(zone, 'ru')]
  assert.deepEqual(pairs('Asia/Tokyo'), ['Tokyo', 'Токио'])
  assert.deepEqual(pairs('Europe/Moscow'), ['Moscow', 'Москва'])
  assert.deepEqual(pairs('America/Argentina/Buenos_Aires'), ['Buenos Aires', 'Буэнос-Айрес'])
  assert.deepEqual(pairs('America/Port_of_Spain'), ['Port of Spain', 'Порт-оф-Спейн'])
})

test('zones CLDR keeps under an older ID get its names', () => {
  // CLDR keys these by Europe/Kiev, Asia/Calcutta, Asia/Saigon, Pacific/Truk, Africa/Asmera.
  assert.equal(cityName('Europe/Kyiv', 'en'), 'Kyiv')
  assert.match(cityName('Europe/Kyiv', 'ru'), /^Ки[её]в$/)
  assert.equal(cityName('Asia/Kolkata', 'en'), 'Kolkata')
  assert.equal(cityName('Asia/Ho_Chi_Minh', 'en'), 'Ho Chi Minh City')
  assert.match(cityName('Pacific/Chuuk', 'ru'), /[А-Яа-я]/)
  assert.match(cityName('Africa/Asmara', 'ru'), /[А-Яа-я]/)
})

test('a tzdb link that merges two places lends no name to the zone it points to', () => {
  // Europe/Busingen -> Europe/Zurich, America/Coral_Harbour -> America/Panama, ...
  assert.equal(cityName('Europe/Zurich', 'en'), 'Zurich')
  assert.equal(cityName('America/Panama', 'en'), 'Panama')
  assert.equal(cityName('America/Puerto_Rico', 'en'), 'Puerto Rico')
  assert.equal(cityName('Africa/Nairobi', 'en'), 'Nairobi')
  assert.equal(cityName('Pacific/Port_Moresby', 'en'), 'Port Moresby')
})

test('zones that are no place read as their ID in both languages', () => {
  for (const [zone, name] of [
    ['Etc/GMT+5', 'GMT+5'],
    ['Etc/UTC', 'UTC'],
    ['CET', 'CET'],
    ['EST5EDT', 'EST5EDT'],
  ]) {
    assert.equal(cityName(zone as string, 'en'), name)
    assert.equal(cityName(zone as string, 'ru'), name)
  }
})

test('an unknown language gets English; an unknown zone its last part', () => {
  assert.equal(cityName('Asia/Tokyo', 'xx'), 'Tokyo')
  assert.equal(cityName('Mars/Olympus_Mons', 'ru'), 'Olympus Mons')
  assert.equal(cityName('Mars/Olympus_Mons', 'en'), 'Olympus Mons')
  assert.equal(cityName('UTC', 'en'), 'UTC')
})

// ---- the generator, on data shaped like CLDR's JSON ----

const fixture = () => {
  // main/<lang>/timeZoneNames.json's zone tree: English leaves out names equal to the ID's end.
  const en = exemplarCities({
    Europe: {
      Kiev: { _type: 'zone', exemplarCity: 'Kyiv' },
      Busingen: { _type: 'zone', exemplarCity: 'Büsingen' },
      London: { _type: 'zone', long: { daylight: 'British Summer Time' } },
    },
    America: {
      Argentina: { San_Juan: { _type: 'zone', exemplarCity: 'San Juan' } },
      Buenos_Aires: { _type: 'zone' },
    },
  })
  const ru = exemplarCities({
    Europe: {
      Kiev: { _type: 'zone', exemplarCity: 'Киев' },
      Busingen: { _type: 'zone', exemplarCity: 'Бюзинген-на-Верхнем-Рейне' },
      Zurich: { _type: 'zone', exemplarCity: 'Цюрих' },
      London: { _type: 'zone', exemplarCity: 'Лондон' },
      Atlantis: { _type: 'zone', exemplarCity: 'Атлантида' },
    },
    America: { Buenos_Aires: { _type: 'zone', exemplarCity: 'Буэнос-Айрес' } },
  })
  // bcp47/timezone.json's keys: CLDR's own ID first; deprecated keys point elsewhere.
  const aliases = cldrAliases({
    uaiev: { _alias: 'Europe/Kiev Europe/Kyiv Europe/Zaporozhye' },
    arbue: { _alias: 'America/Buenos_Aires America/Argentina/Buenos_Aires' },
    chzrh: { _alias: 'Europe/Zurich' },
    debsngn: { _alias: 'Europe/Busingen' },
    gblon: { _alias: 'Europe/London GB' },
    bebru: { _alias: 'Europe/Brussels CET MET' },
    est5edt: { _deprecated: true, _preferred: 'usnyc' },
  })
  return { cities: { en, ru }, aliases }
}

test('exemplarCities flattens the tree into zone IDs, skipping zones without a city', () => {
  const { cities } = fixture()
  assert.deepEqual(
    [...cities.en],
    [
      ['Europe/Kiev', 'Kyiv'],
      ['Europe/Busingen', 'Büsingen'],
      ['America/Argentina/San_Juan', 'San Juan'],
    ],
  )
})

test('cldrAliases maps every ID to the ID CLDR keys it by, ignoring deprecated keys', () => {
  const { aliases } = fixture()
  assert.equal(aliases.get('Europe/Kyiv'), 'Europe/Kiev')
  assert.equal(aliases.get('Europe/Kiev'), 'Europe/Kiev')
  assert.equal(aliases.get('America/Argentina/Buenos_Aires'), 'America/Buenos_Aires')
  assert.equal(aliases.get('EST5EDT'), undefined)
  assert.equal(aliases.size, 12)
})

test('cldrKeys: CLDR aliases first, tzdb links only for zones CLDR does not know', () => {
  const { cities, aliases } = fixture()
  const cityKeys = new Set([...cities.en.keys(), ...cities.ru.keys()])
  const links = {
    'Europe/Kiev': 'Europe/Kyiv',
    'Europe/Busingen': 'Europe/Zurich',
    'Europe/Atlantis': 'Europe/New_Atlantis',
    'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
    CET: 'Europe/Brussels',
  }
  const zones = [
    'Europe/Kyiv',
    'Europe/Zurich',
    'Europe/New_Atlantis',
    'America/Argentina/Buenos_Aires',
    'CET',
    'Etc/GMT+5',
  ]
  assert.deepEqual(Object.fromEntries(cldrKeys(zones, links, aliases, cityKeys)), {
    'Europe/Kyiv': 'Europe/Kiev',
    // CLDR has Zurich as a place of its own: Busingen's link to it is a merge, not a rename.
    'Europe/Zurich': 'Europe/Zurich',
    // Unknown to CLDR (a rename newer than the release): the old ID's entry is the place.
    'Europe/New_Atlantis': 'Europe/Atlantis',
    'America/Argentina/Buenos_Aires': 'America/Buenos_Aires',
    // CLDR aliases CET to Brussels, but CET's page is the zone's.
    CET: 'CET',
    'Etc/GMT+5': 'Etc/GMT+5',
  })
})

test('nameCities falls back to the ID for English, and to English for other languages', () => {
  const { cities } = fixture()
  const keys = new Map([
    ['Europe/Kyiv', 'Europe/Kiev'],
    ['Europe/Zurich', 'Europe/Zurich'],
    ['Europe/London', 'Europe/London'],
    ['America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
    ['America/Argentina/San_Juan', 'America/Argentina/San_Juan'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])
  assert.deepEqual(nameCities(keys, cities), {
    'Europe/Kyiv': { en: 'Kyiv', ru: 'Киев' },
    'Europe/Zurich': { en: 'Zurich', ru: 'Цюрих' },
    'Europe/London': { en: 'London', ru: 'Лондон' },
    'America/Argentina/Buenos_Aires': { en: 'Buenos Aires', ru: 'Буэнос-Айрес' },
    'America/Argentina/San_Juan': { en: 'San Juan', ru: 'San Juan' },
    'Etc/GMT+5': { en: 'GMT+5', ru: 'GMT+5' },
  })
  assert.equal(placeOf('America/Port_of_Spain'), 'Port of Spain')
  assert.equal(placeOf('UTC'), 'UTC')
})
