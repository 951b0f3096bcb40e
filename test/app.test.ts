import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import { buildTestApp } from './helpers.ts'

const app = buildTestApp()
let port = 0
before(async () => {
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
})
after(() => app.close())

// Sends bytes as they are (no URL normalization on our side) and reads the whole answer.
const raw = (request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request))
    let answer = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => {
      answer += chunk
    })
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })

test('serves the time object over a real socket', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/timezone/Europe/Moscow`)
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('access-control-allow-origin'), '*')
  const body = (await res.json()) as { datetime: string; client_ip: string }
  assert.equal(body.datetime, '2026-11-27T16:20:31.123456+03:00')
  assert.equal(body.client_ip, '127.0.0.1')
})

test('dot segments sent as they are do not leave the API', async () => {
  const answer = await raw(
    'GET /api/timezone/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  )
  assert.match(answer, /^HTTP\/1\.1 404 /)
  assert.match(answer, /\{"error":"unknown location"\}$/)
})

test('a raw NUL byte and Cyrillic in the path get 4xx, and the server keeps serving', async () => {
  const nul = await raw(
    'GET /api/timezone/Europe/Mos\0cow HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
  )
  assert.match(nul, /^HTTP\/1\.1 4\d\d /)
  const cyrillic = await raw(
    `GET /api/timezone/${Buffer.from('Европа/Москва').toString('latin1')} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  )
  assert.match(cyrillic, /^HTTP\/1\.1 4\d\d /)
  const res = await fetch(`http://127.0.0.1:${port}/healthz`)
  assert.equal(res.status, 200)
})

test('a zone’s answer fits a device’s 600-byte buffer, headers and all', async () => {
  const answer = await raw('GET /api/timezone/Europe/Moscow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  const bytes = Buffer.byteLength(answer, 'latin1')
  assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/)
  assert.ok(bytes <= 600, `${bytes} bytes:\n${answer}`)
  // What an API answer carries, and nothing a document would.
  assert.match(answer, /\r\naccess-control-allow-origin: \*\r\n/)
  assert.match(answer, /\r\nx-content-type-options: nosniff\r\n/)
  assert.match(answer, /\r\ncache-control: no-store\r\n/)
  assert.doesNotMatch(answer, /referrer-policy|cross-origin-opener-policy|Keep-Alive/i)
})
