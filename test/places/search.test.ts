import assert from 'node:assert/strict'
import { test } from 'node:test'
import { foldName, showKey, slugOf } from '../../src/places/normalize.ts'
import { createPlacePaths } from '../../src/places/paths.ts'
import { createPlaceSearch, MATCH } from '../../src/places/search.ts'
import { fixtureIndex } from './fixture.ts'

const index = fixtureIndex()
const search = createPlaceSearch(index)
const first = (query: string) => search.search(query, 1)[0]?.name

test('folding: case, diacritics, ё/е, hyphens, spaces, apostrophes, St.', () => {
  const same: Array<[string, string]> = [
    ['Sankt-Peterburg', 'sankt peterburg'],
    ['St. Petersburg', 'saint petersburg'],
    ['ST PETERSBURG', 'saint petersburg'],
    ['São Paulo', 'sao paulo'],
    ['Zürich', 'zurich'],
    ["Kazan'", 'kazan'],
    ['Ёлкино', 'елкино'],
    ['  Rio--de   Janeiro ', 'rio de janeiro'],
    ['Łódź', 'lodz'],
  ]
  for (const [text, folded] of same) assert.equal(showKey(foldName(text)), folded, text)
  assert.equal(foldName('St'), 'st', 'a lone "St" is still being typed')
  assert.equal(slugOf('Zürich (Kreis 3)'), 'Zurich_Kreis_3')
  // ASCII names take a shorter road to the same slugs.
  for (const [text, slug] of [
    ['Saint-Etienne', 'Saint-Etienne'],
    ["Val-d'Or", 'Val-dOr'],
    ["St. John's", 'St_Johns'],
    ['Rio -- de_Janeiro', 'Rio-de_Janeiro'],
    ['O`Higgins', 'OHiggins'],
    ['A & B', 'A_B'],
    ["L'Aquila - Centro", 'LAquila-Centro'],
    [' -a_ ', 'a'],
    ['-_-', ''],
  ] as const) {
    assert.equal(slugOf(text), slug, text)
  }
})

test('every form of a name finds its place', () => {
  for (const [query, name] of [
    ['Казань', 'Kazan'],
    ['казань', 'Kazan'],
    ['Sankt-Peterburg', 'Saint Petersburg'],
    ['St Petersburg', 'Saint Petersburg'],
    ['st. petersburg', 'Saint Petersburg'],
    ['Санкт Петербург', 'Saint Petersburg'],
    ['Sao Paulo', 'São Paulo'],
    ['São Paulo', 'São Paulo'],
    ['Zurich', 'Zürich'],
    ['Zuerich', 'Zürich'],
    ['Kiev', 'Kyiv'],
    ['Kyiv', 'Kyiv'],
    ['Київ', 'Kyiv'],
    ['Leningrad', 'Saint Petersburg'],
  ] as const) {
    assert.equal(first(query), name, query)
  }
})

test('a beginning finds the place as it is typed', () => {
  assert.equal(first('Kaz'), 'Kazan')
  assert.equal(first('Каз'), 'Kazan')
  assert.equal(first('Petersb'), 'Saint Petersburg', 'a later word')
})

test('ranked by match weighed against population', () => {
  const springfields = search.search('Springfield')
  assert.equal(springfields.length, 3)
  assert.deepEqual(
    springfields.map((p) => p.population),
    [166810, 154341, 116565],
  )
  const moscows = search.searchScored('Moscow')
  assert.deepEqual(
    moscows.map(({ place }) => place.country),
    ['RU', 'US'],
  )
  // "Mos": both Moscows by their names' beginning, the larger first.
  assert.equal(search.searchScored('Mos')[0]?.match, MATCH.prefix)
  // A whole other name beats a larger place's beginning; a later word comes last.
  assert.equal(search.searchScored('Moskva')[0]?.match, MATCH.exactAlternate)
  assert.equal(search.searchScored('Petersburg')[0]?.match, MATCH.word)
})

test('a whole name finds its bearer whatever its size: what /city/{other name} is', () => {
  assert.equal(search.wholeName('Kiev')?.place.name, 'Kyiv')
  assert.equal(search.wholeName('Kiev')?.match, MATCH.exactAlternate)
  assert.equal(search.wholeName('moscow')?.place.country, 'RU')
  assert.equal(search.wholeName('Mos'), undefined, 'a beginning is no whole name')
  assert.equal(search.wholeName('Petersburg'), undefined, 'nor a later word')
  assert.equal(search.wholeName('Atlantis'), undefined)
  assert.equal(search.wholeName('Αθήνα'), undefined)
})

test('nothing, junk and limits', () => {
  assert.deepEqual(search.search('Atlantis'), [])
  assert.deepEqual(search.search(''), [])
  assert.deepEqual(search.search('Αθήνα'), [])
  assert.deepEqual(search.search('\u0000'), [])
  assert.equal(search.search('s', 2).length, 2)
  assert.equal(search.search('s', 500).length <= 50, true)
})

test('paths resolve to places, list pages and redirects', () => {
  const paths = createPlacePaths(index)
  const at = (path: string) => paths.resolve(path)
  const kazan = at('/city/Kazan')
  assert.equal(kazan?.kind === 'place' && kazan.canonical && kazan.place.name, 'Kazan')
  const lower = at('/city/kazan')
  assert.equal(lower?.kind === 'place' && !lower.canonical && lower.place.path, '/city/Kazan')
  const long = at('/city/Kazan/RU/Tatarstan')
  assert.equal(long?.kind === 'place' && !long.canonical && long.place.path, '/city/Kazan')
  const springfield = at('/city/Springfield')
  assert.equal(springfield?.kind, 'namesakes')
  assert.equal(springfield?.kind === 'namesakes' && springfield.places.length, 3)
  const illinois = at('/city/springfield/us/illinois')
  assert.equal(illinois?.kind === 'place' && illinois.place.path, '/city/Springfield/US/Illinois')
  const kiev = at('/city/Kiev')
  assert.equal(kiev?.kind === 'place' && !kiev.canonical && kiev.place.path, '/city/Kyiv')
  const cyrillic = at(`/city/${encodeURIComponent('Казань')}`)
  assert.equal(cyrillic?.kind === 'place' && cyrillic.place.path, '/city/Kazan')
  assert.equal(at('/city/Atlantis'), undefined)
  assert.equal(at('/Asia/Tokyo'), undefined)
  assert.deepEqual(
    paths.inCountry('ru').map((p) => p.name),
    ['Moscow', 'Saint Petersburg', 'Kazan', 'Saratov'],
  )
  assert.equal(paths.namesakes('SPRINGFIELD').length, 3)
  // A path whose name is none of its place's keys ("saint louis"): found all the same.
  const louis = at('/city/st_louis')
  assert.equal(louis?.kind === 'place' && !louis.canonical && louis.place.path, '/city/St_Louis')
  assert.deepEqual(
    paths.namesakes('St_Louis').map((p) => p.name),
    ['St. Louis'],
  )
})

test('a country’s page decodes its own places only', () => {
  let decoded = 0
  const counted = {
    ...index,
    place: (i: number) => {
      decoded++
      return index.place(i)
    },
  }
  const paths = createPlacePaths(counted)
  assert.equal(paths.countrySize('RU'), 4)
  assert.deepEqual(
    paths.inCountry('ru', 1, 2).map((p) => p.name),
    ['Saint Petersburg', 'Kazan'],
  )
  assert.equal(decoded, 2)
  assert.deepEqual(
    paths.inCountry('RU', 3, 500).map((p) => p.name),
    ['Saratov'],
  )
  assert.deepEqual(paths.inCountry('RU', 4, 500), [])
  assert.deepEqual(paths.inCountry('XX', 0, 500), [])
  assert.equal(paths.countrySize('XX'), 0)
})
