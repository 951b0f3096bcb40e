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

test('ranked by match, then population', () => {
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
  // Exact beats a larger place's beginning; own name beats an alternate.
  assert.equal(search.searchScored('Moskva')[0]?.match, MATCH.exactAlternate)
  assert.equal(search.searchScored('Petersburg')[0]?.match, MATCH.word)
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
})
