import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { exchange, parseResponses, startServer } from './server.ts'

// A request target in absolute form (RFC 9112 §3.2.2), as proxies send it: judged by its path.
let server: Awaited<ReturnType<typeof startServer>>
before(async () => {
  server = await startServer()
})
after(() => server.app.close())

const get = async (target: string) => {
  const { text } = await exchange(
    server.port,
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
  )
  const [response] = parseResponses(text)
  assert.ok(response, `an answer for ${target}`)
  return response
}

test('an unknown API path in absolute form gets the API 404, in JSON', async () => {
  const response = await get(`http://127.0.0.1:${server.port}/api/timezone/Mars/Olympus_Mons`)
  assert.equal(response.status, 404)
  assert.match(response.headers['content-type'] ?? '', /^application\/json/)
  assert.equal(response.headers['access-control-allow-origin'], '*')
  assert.equal(response.body, '{"error":"unknown location"}')
})

test('a text API path in absolute form gets the text error', async () => {
  const response = await get(`http://127.0.0.1:${server.port}/api/ip/999.1.1.1.txt?x=1`)
  assert.equal(response.status, 400)
  assert.equal(response.body, 'Error: malformed ip')
})
