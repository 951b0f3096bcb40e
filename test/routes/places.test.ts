import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())
const get = (url: string) => app.inject(url)

describe('GET /api/places', () => {
  test('q=Казань&lang=ru: Казань, RU, Europe/Moscow first, in Russian', async () => {
    const res = await get(`/api/places?q=${encodeURIComponent('Казань')}&lang=ru`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['access-control-allow-origin'], '*')
    const [kazan] = res.json()
    assert.deepEqual(
      [kazan.name, kazan.country, kazan.timezone, kazan.country_name, kazan.page],
      ['Казань', 'RU', 'Europe/Moscow', 'Россия', '/city/Kazan'],
    )
    assert.deepEqual(Object.keys(kazan), [
      'name',
      'region',
      'country',
      'country_name',
      'timezone',
      'latitude',
      'longitude',
      'population',
      'page',
    ])
  })

  test('q=Saint Petersburg: the Russian city first, in English by default', async () => {
    const [first] = (await get('/api/places?q=Saint%20Petersburg')).json()
    assert.deepEqual(
      [first.name, first.country, first.country_name],
      ['Saint Petersburg', 'RU', 'Russia'],
    )
  })

  test('q=Springfield: several, the largest first; limit caps them', async () => {
    const places = (await get('/api/places?q=Springfield')).json() as Array<{ population: number }>
    assert.equal(places.length, 10)
    assert.equal((await get('/api/places?q=Springfield&limit=3')).json().length, 3)
    assert.equal((await get('/api/places?q=s&limit=50')).json().length, 50)
  })

  test('no match is []', async () => {
    const res = await get('/api/places?q=Qwxzv')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), [])
  })

  test('a missing, empty, long or repeated q, a bad lang or limit: 400 with a message', async () => {
    for (const query of [
      '',
      '?q=',
      '?q=%20%20',
      `?q=${'a'.repeat(101)}`,
      '?q=a&q=b',
      '?q=Kazan&lang=de',
      '?q=Kazan&lang=en&lang=ru',
      '?q=Kazan&limit=0',
      '?q=Kazan&limit=51',
      '?q=Kazan&limit=ten',
      '?q=Kazan&limit=1.5',
    ]) {
      const res = await get(`/api/places${query}`)
      assert.equal(res.statusCode, 400, query)
      assert.equal(typeof res.json().error, 'string', query)
    }
  })

  test('any bytes: an answer or a clear 4xx, never a 5xx', async () => {
    for (const query of [
      '?q=%00',
      '?q=%E0%A4%A',
      '?q=%FF%FE',
      '?q=%',
      `?q=${'x'.repeat(5000)}`,
      '?q=%C3%28',
      '?q=Kazan&limit=%00',
      '?q[]=Kazan',
    ]) {
      const res = await get(`/api/places${query}`)
      assert.ok(res.statusCode < 500 && res.statusCode !== 0, `${query}: ${res.statusCode}`)
    }
  })

  test('answers the same with a trailing slash, and to HEAD', async () => {
    assert.equal((await get('/api/places/?q=Kazan')).statusCode, 200)
    assert.equal((await app.inject({ method: 'HEAD', url: '/api/places?q=Kazan' })).statusCode, 200)
  })
})
