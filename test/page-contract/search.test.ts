import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  MAX_QUERY,
  placeWhere,
  readSuggestions,
  SUGGEST_PATH,
  suggestUrl,
} from '../../src/page-contract/search.ts'
import { MAX_QUERY as API_MAX_QUERY, PLACES_ROUTE } from '../../src/routes/places.ts'

test('the script asks the API the server serves, with the same limit on the query', () => {
  assert.equal(SUGGEST_PATH, PLACES_ROUTE)
  assert.equal(MAX_QUERY, API_MAX_QUERY)
  assert.equal(
    suggestUrl('Санкт-Петербург & co', 'ru'),
    '/api/places?q=%D0%A1%D0%B0%D0%BD%D0%BA%D1%82-%D0%9F%D0%B5%D1%82%D0%B5%D1%80%D0%B1%D1%83%D1%80%D0%B3%20%26%20co&lang=ru&limit=8',
  )
})

test('suggestions keep only places whose page is a path on this origin', () => {
  const place = (page: unknown) => ({
    name: 'Kazan',
    region: 'Tatarstan',
    country_name: 'Russia',
    page,
  })
  assert.deepEqual(
    readSuggestions([
      place('/city/Kazan'),
      place('//evil.example/x'),
      place('/\\evil.example'),
      place('https://evil.example/'),
      place('javascript:alert(1)'),
      place(7),
      { name: 3, country_name: 'Russia', page: '/city/X' },
      null,
      'Kazan',
    ]),
    [{ name: 'Kazan', where: 'Tatarstan, Russia', page: '/city/Kazan' }],
  )
  assert.deepEqual(readSuggestions({ error: 'missing q' }), [])
})

test('where a place is: region and country, the country alone when there is no region or it is the same', () => {
  assert.equal(placeWhere('Illinois', 'United States'), 'Illinois, United States')
  assert.equal(placeWhere(null, 'Monaco'), 'Monaco')
  assert.equal(placeWhere('Singapore', 'Singapore'), 'Singapore')
})
