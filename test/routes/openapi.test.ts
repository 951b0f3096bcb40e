import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { RouteOptions } from 'fastify'
import { API_ROUTES, isApiPath } from '../../src/http/api-contract.ts'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
// Every route the app really registers, as it registers it.
const served: string[] = []
app.addHook('onRoute', (route: RouteOptions) => {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  if (methods.includes('GET') || methods.includes('POST')) served.push(route.url)
})
// The route each request was answered by.
let matched: string | undefined
app.addHook('onRequest', async (request) => {
  matched = request.routeOptions.url
})
await app.ready()

type Parameter = { name: string; in: string; example?: string }
type Operation = {
  parameters?: Parameter[]
  requestBody?: { content: { 'application/json': { example: object } } }
  responses: Record<string, unknown>
}
const document = (await app.inject('/api/openapi.json')).json() as {
  openapi: string
  paths: Record<string, { get?: Operation; post?: Operation }>
}

// A documented path with its parameters filled in from their examples.
const exampleOf = (template: string, operation: Operation) => {
  let url = template
  const query = new URLSearchParams()
  for (const parameter of operation.parameters ?? []) {
    assert.ok(parameter.example, `${template}: ${parameter.name} has an example`)
    if (parameter.in === 'query') query.set(parameter.name, parameter.example)
    else url = url.replace(`{${parameter.name}}`, parameter.example)
  }
  return query.size > 0 ? `${url}?${query}` : url
}

test('/api/openapi.json is a valid OpenAPI 3.1 document', async () => {
  assert.equal(document.openapi, '3.1.0')
  const result = await new Validator().validate(document)
  assert.deepEqual(result.errors, undefined)
  assert.equal(result.valid, true)
})

test('every documented path is served, and every served API route is documented', async () => {
  const answeredBy = new Set<string>()
  for (const [template, { get, post }] of Object.entries(document.paths)) {
    const operation = get ?? post
    assert.ok(operation, `${template} documents GET or POST`)
    const url = exampleOf(template, operation)
    matched = undefined
    // A POST sends its documented example body.
    const body = post?.requestBody?.content['application/json'].example
    const res = await app.inject(
      post ? { method: 'POST', url, payload: body as object } : { method: 'GET', url },
    )
    assert.equal(res.statusCode, 200, `${template} (as ${url}): ${res.body}`)
    assert.ok(matched && served.includes(matched), `${template} is answered by a registered route`)
    answeredBy.add(matched)
  }
  const apiRoutes = served.filter(isApiPath)
  assert.ok(apiRoutes.length >= Object.keys(API_ROUTES).length, `${apiRoutes.length} API routes`)
  for (const route of apiRoutes) assert.ok(answeredBy.has(route), `${route} is documented`)
  for (const route of ['/healthz', '/readyz'])
    assert.ok(answeredBy.has(route), `${route} is documented`)
})

test('a live response matches the documented time object', async () => {
  const operation = document.paths['/api/timezone/{area}/{location}']?.get
  assert.ok(operation)
  const schema = (
    operation.responses['200'] as {
      content: { 'application/json': { schema: { properties: object; required: string[] } } }
    }
  ).content['application/json'].schema
  const body = (await app.inject('/api/timezone/Europe/Moscow')).json()
  assert.deepEqual(Object.keys(body), Object.keys(schema.properties))
  assert.deepEqual(schema.required, Object.keys(schema.properties))
})
