import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import {
  assertSafeError,
  exchange,
  onlyResponse,
  parseResponses,
  type SecurityReference,
  securityHeadersOf200,
  startServer,
} from './server.ts'

let server: Awaited<ReturnType<typeof startServer>>
let reference: SecurityReference
before(async () => {
  server = await startServer()
  reference = await securityHeadersOf200(server.base)
})
after(() => server.app.close())

const HOST = 'Host: 127.0.0.1\r\n'
const get = (target: string) =>
  exchange(server.port, `GET ${target} HTTP/1.1\r\n${HOST}Connection: close\r\n\r\n`)

const cyrillic = Buffer.from('Европа/Москва').toString('latin1')
const badTargets: Record<string, string> = {
  'bad percent-encoding': '/api/timezone/Europe/Mos%ZZcow',
  'truncated percent-encoding': '/api/timezone/Europe/Moscow%E0%A4%A',
  'percent-encoded NUL': '/api/timezone/Europe/Mos%00cow',
  'percent-encoded NUL on the page': '/%00',
  'dot segments': '/api/timezone/../../etc/passwd',
  'encoded dot segments': '/api/timezone/%2e%2e/%2e%2e/etc/passwd',
  'encoded slash and dots': '/api/timezone/Europe%2f..%2f..%2fetc%2fpasswd',
  'a 5,000-character zone': `/api/timezone/Europe/${'A'.repeat(5_000)}`,
  'a 5,000-character area': `/api/timezone/${'A'.repeat(5_000)}`,
  'a 5,000-character text zone': `/api/timezone/Europe/${'A'.repeat(5_000)}.txt`,
  'a Cyrillic zone, raw UTF-8': `/api/timezone/${cyrillic}`,
  'a Cyrillic zone, percent-encoded': `/api/timezone/${encodeURI('Европа/Москва')}`,
  'a Cyrillic area': `/api/timezone/${encodeURI('Европа')}`,
  'an overlong UTF-8 slash': '/api/timezone/Europe%c0%afMoscow',
}

for (const [name, target] of Object.entries(badTargets)) {
  test(`${name} gets 4xx with security headers and no stack trace`, async () => {
    const { text } = await get(target)
    const response = onlyResponse(text)
    assert.ok(response.status >= 400 && response.status < 500, `${response.status}: ${text}`)
    assertSafeError(response, reference)
  })
}

test('the server still answers after every bad path', async () => {
  const res = await fetch(`${server.base}/api/timezone/Europe/Moscow`)
  assert.equal(res.status, 200)
  assert.equal(((await res.json()) as { timezone: string }).timezone, 'Europe/Moscow')
})

for (const method of ['TRACE', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
  test(`${method} gets 405 with Allow: GET, HEAD, and never echoes the request`, async () => {
    for (const target of ['/', '/api/timezone/Europe/Moscow', '/nowhere']) {
      const { text } = await exchange(
        server.port,
        `${method} ${target} HTTP/1.1\r\n${HOST}X-Echo-Me: secret-cookie-value\r\nConnection: close\r\n\r\n`,
      )
      const response = onlyResponse(text)
      assert.equal(response.status, 405, `${method} ${target}`)
      assert.equal(response.headers.allow, 'GET, HEAD')
      assert.doesNotMatch(text, /secret-cookie-value/)
      assert.notEqual(response.headers['content-type'], 'message/http')
      assertSafeError(response, reference)
    }
  })
}

test('a CORS preflight on the API gets 204 with the allowed methods', async () => {
  const res = await fetch(`${server.base}/api/timezone/Europe/Moscow`, {
    method: 'OPTIONS',
    headers: { origin: 'https://example.test', 'access-control-request-method': 'GET' },
  })
  assert.equal(res.status, 204)
  assert.equal(res.headers.get('access-control-allow-origin'), '*')
  assert.equal(res.headers.get('access-control-allow-methods'), 'GET, HEAD')
})

// Announces a big body, sends a first slice, and keeps sending until the server closes (bounded).
const streamBody = (head: string) =>
  new Promise<{ text: string; sent: number; closed: boolean }>((resolve) => {
    const socket = connect(server.port, '127.0.0.1')
    let text = ''
    let sent = 0
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      text += chunk
    })
    socket.on('error', () => {})
    const slice = Buffer.alloc(16_384, 'x')
    const pump = setInterval(() => {
      if (socket.destroyed || sent >= 8 * 1024 * 1024) return
      socket.write(slice)
      sent += slice.length
    }, 5)
    const finish = (closed: boolean) => {
      clearInterval(pump)
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, sent, closed })
    }
    const timer = setTimeout(() => finish(false), 5_000)
    socket.on('close', () => finish(true))
    socket.write(head)
  })

const BIG = 1024 * 1024 * 1024

for (const [method, status] of [
  ['GET', 413],
  ['HEAD', 413],
  ['POST', 405],
  ['PUT', 405],
] as const) {
  test(`${method} with a 1 GiB body gets ${status} at once and the connection is closed, not read`, async () => {
    const { text, sent, closed } = await streamBody(
      `${method} /api/timezone/Europe/Moscow HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: ${BIG}\r\n\r\n`,
    )
    assert.ok(closed, `the server kept reading (${sent} bytes sent)`)
    assert.ok(sent < BIG)
    const [response] = parseResponses(text)
    assert.ok(response, `no answer before the close (${sent} bytes sent)`)
    assert.equal(response.status, status)
    assert.equal(response.headers.connection, 'close')
    if (status === 405) assert.equal(response.headers.allow, 'GET, HEAD')
    assertSafeError(response, reference)
  })
}

test('a chunked body on GET gets 413 and the connection is closed', async () => {
  const { text, closed } = await streamBody(
    `GET / HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n4000\r\n`,
  )
  assert.ok(closed)
  const [response] = parseResponses(text)
  assert.equal(response?.status, 413)
  assertSafeError(response, reference)
})

test('Expect: 100-continue with a body is refused without asking for the body', async () => {
  const { text } = await exchange(
    server.port,
    `PUT /api/timezone HTTP/1.1\r\n${HOST}Content-Length: ${BIG}\r\nExpect: 100-continue\r\n\r\n`,
  )
  const responses = parseResponses(text)
  assert.ok(
    responses.every((response) => response.status !== 100),
    'the server asked for the body',
  )
  const response = onlyResponse(text)
  assert.equal(response.status, 405)
  assertSafeError(response, reference)
})
