import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  assertSafeError,
  exchange,
  onlyResponse,
  openConnection,
  parseResponses,
  type SecurityReference,
  securityHeadersOf200,
  startServer,
} from './server.ts'

// timeapi.io's POST routes over real sockets: the faults a JSON body can bring (slow, huge, of a
// wrong length, chunked) and the drain at shutdown with a body still coming. The body timeout is
// shortened to 1 s here (5 s in production: src/server-limits.ts).
const BODY_TIMEOUT = 1_000
let server: Awaited<ReturnType<typeof startServer>>
let reference: SecurityReference
before(async () => {
  server = await startServer({ bodyTimeout: BODY_TIMEOUT })
  reference = await securityHeadersOf200(server.base)
})
after(() => server.app.close())

const BODY = '{"timeZone":"UTC","timeSpan":"0:00:00:01"}'
const ROUTE = '/api/calculation/current/increment'
const head = (length: number | 'chunked', extra = '') =>
  `POST ${ROUTE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${
    length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`
  }\r\n${extra}\r\n`

const open = () => openConnection(server.port)

const problemOf = (text: string, status: number) => {
  const [response] = parseResponses(text)
  assert.ok(response, `no answer: ${text}`)
  assert.equal(response.status, status, text)
  assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
  assert.equal(response.headers.connection, 'close')
  assert.equal(JSON.parse(response.body).status, status)
  assertSafeError(response, reference)
  return response
}

test('a whole body, in one write, in chunks, or after 100-continue, is answered 200 on a kept connection', async (t) => {
  const plain = await exchange(server.port, `${head(BODY.length)}${BODY}`, 500)
  assert.equal(onlyResponse(plain.text).status, 200)
  assert.equal(plain.closed, false, 'the connection stays open for the next request')
  const chunked = await exchange(
    server.port,
    `${head('chunked')}5\r\n${BODY.slice(0, 5)}\r\n${(BODY.length - 5).toString(16)}\r\n${BODY.slice(5)}\r\n0\r\n\r\n`,
    500,
  )
  assert.equal(onlyResponse(chunked.text).status, 200)
  const conn = await open()
  const started = Date.now()
  conn.socket.write(head(BODY.length, 'Expect: 100-continue\r\n'))
  while (!conn.text().includes('100 Continue') && Date.now() - started < 2_000) await sleep(5)
  t.diagnostic(`100 Continue after ${Date.now() - started} ms`)
  assert.match(conn.text(), /^HTTP\/1\.1 100 Continue\r\n\r\n/)
  conn.socket.end(BODY)
  await conn.closed
  assert.equal(
    parseResponses(conn.text().replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''))[0]?.status,
    200,
  )
})

test('a body that stops coming, or drips, gets 408 at the body timeout and the connection closes', async (t) => {
  const silent = await open()
  silent.socket.write(`${head(BODY.length)}${BODY.slice(0, 10)}`)
  const dripping = await open()
  dripping.socket.write(head(BODY.length))
  const drip = setInterval(() => dripping.socket.write(' '), 100)
  const [silentMs, drippingMs] = await Promise.all([silent.closed, dripping.closed])
  clearInterval(drip)
  t.diagnostic(`silent body closed after ${silentMs} ms, dripping body after ${drippingMs} ms`)
  for (const [conn, ms] of [
    [silent, silentMs],
    [dripping, drippingMs],
  ] as const) {
    assert.equal(problemOf(conn.text(), 408).status, 408)
    assert.ok(ms >= BODY_TIMEOUT - 50 && ms < BODY_TIMEOUT + 1_000, `${ms} ms`)
  }
})

test('a Content-Length above the body: 408 at the timeout; below it: the short body is judged, the rest never runs', async () => {
  const short = await open()
  short.socket.write(`${head(BODY.length + 20)}${BODY}`)
  await short.closed
  problemOf(short.text(), 408)
  // Ten bytes taken as the body: not JSON. What follows is never taken for a request.
  const { text, closed } = await exchange(
    server.port,
    `${head(10)}${BODY}GET /api/ip HTTP/1.1\r\nHost: x\r\n\r\n`,
  )
  assert.ok(closed)
  const responses = parseResponses(text)
  assert.equal(responses.length, 1, text)
  assert.deepEqual(JSON.parse(problemOf(text, 400).body).errors, {
    $: ['The JSON value could not be parsed.'],
  })
})

// Announces a body, then keeps sending until the server closes (bounded), counting what it sent.
const flood = (request: string, chunk: string) =>
  new Promise<{ text: string; sent: number; ms: number }>((resolve) => {
    const socket = connect(server.port, '127.0.0.1')
    const started = Date.now()
    let text = ''
    let sent = 0
    socket.setEncoding('latin1')
    socket.on('data', (data: string) => {
      text += data
    })
    socket.on('error', () => {})
    const pump = setInterval(() => {
      if (socket.destroyed || sent >= 8 * 1024 * 1024) return
      socket.write(chunk)
      sent += chunk.length
    }, 5)
    const finish = () => {
      clearInterval(pump)
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, sent, ms: Date.now() - started })
    }
    const timer = setTimeout(finish, 5_000)
    socket.on('close', finish)
    socket.write(request)
  })

test('a 1 GiB Content-Length gets 413 before a byte of it is read, and the connection closes', async (t) => {
  const { text, sent, ms } = await flood(head(1024 ** 3), 'x'.repeat(16_384))
  t.diagnostic(`413 and closed after ${ms} ms, ${sent} bytes sent`)
  problemOf(text, 413)
  assert.ok(ms < 1_000, `${ms} ms`)
})

test('an endless chunked body gets 413 once past 2 KB, and the connection closes', async (t) => {
  const piece = `4000\r\n${'x'.repeat(0x4000)}\r\n`
  const { text, sent, ms } = await flood(head('chunked'), piece)
  t.diagnostic(`413 and closed after ${ms} ms, ${sent} bytes sent`)
  problemOf(text, 413)
  assert.ok(sent < 8 * 1024 * 1024, 'the server read on to the end')
})

test('a text body on a POST route gets 415 unread; bodies elsewhere are refused as before', async () => {
  const typed = head(BODY.length).replace('application/json', 'text/plain')
  problemOf((await exchange(server.port, `${typed}${BODY}`)).text, 415)
  const get = await exchange(
    server.port,
    `GET /api/timezone/UTC HTTP/1.1\r\nHost: x\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
  )
  assert.equal(onlyResponse(get.text).status, 413)
  const put = await exchange(
    server.port,
    `PUT ${ROUTE} HTTP/1.1\r\nHost: x\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
  )
  assert.equal(onlyResponse(put.text).status, 405)
  assert.equal(onlyResponse(put.text).headers.allow, 'POST')
})

test('shutdown with bodies still coming: each gets 408 at its body timeout, and close() ends in bounded time', async (t) => {
  const closing = await startServer({ bodyTimeout: BODY_TIMEOUT, drainGraceMs: 300 })
  const conns = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const conn = await openConnection(closing.port)
      conn.socket.write(`${head(BODY.length)}${BODY.slice(0, 5)}`)
      return conn
    }),
  )
  const drip = setInterval(() => {
    for (const conn of conns) if (!conn.socket.destroyed) conn.socket.write(' ')
  }, 100)
  await sleep(100)
  const started = Date.now()
  await closing.app.close()
  clearInterval(drip)
  const ms = Date.now() - started
  t.diagnostic(`close() with 20 dripping bodies took ${ms} ms`)
  assert.ok(ms < BODY_TIMEOUT + 1_500, `${ms} ms`)
  await Promise.all(conns.map((conn) => conn.closed))
  for (const conn of conns) assert.equal(parseResponses(conn.text())[0]?.status, 408, conn.text())
})
