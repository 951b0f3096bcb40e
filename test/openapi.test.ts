import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { buildTestApp } from './helpers.ts'

const app = buildTestApp()

test('/api/openapi.json is a valid OpenAPI 3.1 document', async () => {
  const res = await app.inject('/api/openapi.json')
  assert.equal(res.statusCode, 200)
  const document = res.json()
  assert.equal(document.openapi, '3.1.0')
  const result = await new Validator().validate(document)
  assert.deepEqual(result.errors, undefined)
  assert.equal(result.valid, true)
})

test('every API route the app serves is described', async () => {
  const { paths } = (await app.inject('/api/openapi.json')).json()
  for (const path of [
    '/api/timezone',
    '/api/timezone.txt',
    '/api/timezone/{area}',
    '/api/timezone/{area}/{location}',
    '/api/timezone/{area}/{location}.txt',
    '/api/timezone/{area}/{location}/{region}',
    '/healthz',
    '/readyz',
  ]) {
    assert.ok(paths[path]?.get, path)
  }
})

test('a live response matches the documented time object', async () => {
  const { paths } = (await app.inject('/api/openapi.json')).json()
  const schema =
    paths['/api/timezone/{area}/{location}'].get.responses['200'].content['application/json'].schema
  const body = (await app.inject('/api/timezone/Europe/Moscow')).json()
  assert.deepEqual(Object.keys(body), Object.keys(schema.properties))
  assert.deepEqual(schema.required, Object.keys(schema.properties))
})
