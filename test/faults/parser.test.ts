import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  assertSafeError,
  exchange,
  type LogLine,
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
// A second request on the same connection: if it is ever answered or logged, it was smuggled.
const SMUGGLED = `GET /api/timezone/Europe/Moscow?smuggled HTTP/1.1\r\n${HOST}\r\n`
const FIRST = '/api/timezone/Europe/Moscow?first'

const requestLogs = (logs: LogLine[], marker: string) =>
  logs.filter((line) => line.msg === 'request' && String(line.url).includes(marker))

test('an oversized header gets 431 with security headers, and the connection is closed', async () => {
  const { text, closed } = await exchange(
    server.port,
    `GET / HTTP/1.1\r\n${HOST}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  )
  const response = onlyResponse(text)
  assert.equal(response.status, 431)
  assert.equal(response.headers.connection, 'close')
  assertSafeError(response, reference)
  assert.ok(closed)
})

test('HTTP/1.1 without Host gets 400 and nothing after it on the connection runs', async () => {
  const { text, closed } = await exchange(
    server.port,
    `GET ${FIRST}-nohost HTTP/1.1\r\n\r\n${SMUGGLED}`,
  )
  const response = onlyResponse(text)
  assert.equal(response.status, 400)
  assertSafeError(response, reference)
  assert.ok(closed)
  assert.deepEqual(requestLogs(server.logs(), 'smuggled'), [])
})

test('two Host headers get 400', async () => {
  const { text } = await exchange(server.port, `GET / HTTP/1.1\r\n${HOST}Host: evil.test\r\n\r\n`)
  const response = onlyResponse(text)
  assert.equal(response.status, 400)
  assertSafeError(response, reference)
})

const smuggling: Record<string, string> = {
  'Content-Length with Transfer-Encoding': `Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  'Transfer-Encoding with Content-Length, in that order': `Transfer-Encoding: chunked\r\nContent-Length: 60\r\n\r\n0\r\n\r\n`,
  'duplicate Transfer-Encoding': `Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  'Transfer-Encoding chunked, chunked': `Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n`,
  'Transfer-Encoding not ending in chunked': `Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`,
  'space before the colon of Transfer-Encoding': `Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n`,
  'duplicate Content-Length': `Content-Length: 0\r\nContent-Length: 45\r\n\r\n`,
}

// The parser meets these inside the body, after the headers: the request gate's refusal of a body
// (413 on GET, 405 on POST, then the close) may be the answer sent first.
const badBodies: Record<string, string> = {
  'a chunk without its CRLF': `Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n`,
  'a chunk size that is not hex': `Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
  'a chunk size that overflows': `Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n`,
  'a negative chunk size': `Transfer-Encoding: chunked\r\n\r\n-1\r\nabc\r\n0\r\n\r\n`,
}

for (const [name, rest] of Object.entries(smuggling)) {
  test(`request smuggling, ${name}: 400, the handler never runs, nothing after it runs`, async () => {
    const marker = `first-${name.replaceAll(/\W+/g, '-')}`
    for (const method of ['GET', 'POST']) {
      const { text, closed } = await exchange(
        server.port,
        `${method} /api/timezone/Europe/Moscow?${marker} HTTP/1.1\r\n${HOST}${rest}${SMUGGLED}`,
      )
      const response = onlyResponse(text)
      assert.equal(response.status, 400, `${method}: ${text}`)
      assertSafeError(response, reference)
      assert.ok(closed, `${method}: the connection stays open`)
    }
    assert.deepEqual(
      requestLogs(server.logs(), marker).filter((line) => Number(line.status) < 400),
      [],
    )
    assert.deepEqual(requestLogs(server.logs(), 'smuggled'), [])
  })
}

for (const [name, badBody] of Object.entries(badBodies)) {
  test(`${name}: refused, the handler never runs, nothing after it runs`, async () => {
    const marker = `first-${name.replaceAll(/\W+/g, '-')}`
    for (const [method, refusal] of [
      ['GET', 413],
      ['POST', 405],
    ] as const) {
      const { text, closed } = await exchange(
        server.port,
        `${method} /api/timezone/Europe/Moscow?${marker} HTTP/1.1\r\n${HOST}${badBody}${SMUGGLED}`,
      )
      const response = onlyResponse(text)
      assert.ok([400, refusal].includes(response.status), `${method}: ${response.status}`)
      assertSafeError(response, reference)
      assert.ok(closed)
    }
    assert.deepEqual(
      requestLogs(server.logs(), marker).filter((line) => Number(line.status) < 400),
      [],
    )
    assert.deepEqual(requestLogs(server.logs(), 'smuggled'), [])
  })
}

test('garbage bytes get 400 or a close, and the server keeps serving', async () => {
  const probes = [
    '\u0000\u0001\u0002\u00ff garbage\r\n\r\n',
    'HELLO\r\n\r\n',
    'GET\r\n\r\n',
    'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.1\nHost: x\n\n',
    `GET / HTTP/1.1\r\n${HOST}Bad Header Name: x\r\n\r\n`,
    `GET / HTTP/1.1\r\n${HOST}X-Nul: a\u0000b\r\n\r\n`,
    'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n',
  ]
  for (const probe of probes) {
    const { text, closed } = await exchange(server.port, Buffer.from(probe, 'latin1'))
    assert.ok(closed, `still open after ${JSON.stringify(probe)}`)
    if (text === '') continue
    const response = onlyResponse(text)
    assert.equal(response.status, 400, JSON.stringify(probe))
    assertSafeError(response, reference)
  }
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200)
})

test('a TLS ClientHello on the plain port gets 400 or a close', async () => {
  // The start of a real ClientHello: handshake record, TLS 1.0 record version, TLS 1.2 hello.
  const hello = Buffer.concat([
    Buffer.from('16030100f8010000f40303', 'hex'),
    Buffer.alloc(32, 7),
    Buffer.from('00000813021303130100', 'hex'),
  ])
  const { text, closed } = await exchange(server.port, hello)
  assert.ok(closed)
  if (text !== '') {
    const response = onlyResponse(text)
    assert.equal(response.status, 400)
    assertSafeError(response, reference)
  }
  assert.equal((await fetch(`${server.base}/healthz`)).status, 200)
})

test('a valid request followed by garbage on the same connection gets its answer, then the 400', async () => {
  const { text, closed } = await exchange(
    server.port,
    `GET /healthz?before-garbage HTTP/1.1\r\n${HOST}\r\nGARBAGE\u0001\r\n\r\n`,
  )
  const responses = parseResponses(text)
  assert.deepEqual(
    responses.map((response) => response.status),
    [200, 400],
    text,
  )
  assert.ok(closed)
})

test('the one-Host rule holds for every HTTP version but 1.0, which may omit it', async () => {
  for (const version of ['HTTP/2.0', 'HTTP/1.2', 'HTTP/3.0']) {
    for (const hosts of ['', HOST + HOST]) {
      const { text } = await exchange(server.port, `GET /healthz ${version}\r\n${hosts}\r\n`)
      const [response] = parseResponses(text)
      assert.ok(
        response === undefined || response.status === 400,
        `${version} with ${hosts.length ? 'two Hosts' : 'no Host'}: ${text}`,
      )
    }
  }
  const { text } = await exchange(server.port, `GET /healthz HTTP/1.0\r\n${HOST}${HOST}\r\n`)
  assert.equal(parseResponses(text)[0]?.status, 400)
  const alone = await exchange(server.port, 'GET /healthz HTTP/1.0\r\n\r\n')
  assert.equal(parseResponses(alone.text)[0]?.status, 200)
})
