import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MAX_DATAGRAM, readQuery } from '../../src/udp/datagram.ts'

const read = (text: string | Uint8Array) =>
  readQuery(typeof text === 'string' ? Buffer.from(text) : text)

test('the query is the text before an optional #version, without surrounding spaces', () => {
  assert.deepEqual(read('Europe/Moscow'), { query: 'Europe/Moscow' })
  assert.deepEqual(read('Europe/Moscow#0.8.3'), { query: 'Europe/Moscow' })
  assert.deepEqual(read(' new york #1'), { query: 'new york' })
})

test('one trailing newline is forgiven (`echo Europe/Moscow | nc -u`)', () => {
  assert.deepEqual(read('Europe/Moscow\n'), { query: 'Europe/Moscow' })
  assert.deepEqual(read('Europe/Moscow\r\n'), { query: 'Europe/Moscow' })
  assert.deepEqual(read('Europe/Moscow\n\n'), { drop: 'binary' })
})

test('empty datagrams and empty queries are dropped as empty', () => {
  assert.deepEqual(read(''), { drop: 'empty' })
  assert.deepEqual(read('#0.8.3'), { drop: 'empty' })
  assert.deepEqual(read('   '), { drop: 'empty' })
})

test(`datagrams over ${MAX_DATAGRAM} bytes are dropped as too long; ${MAX_DATAGRAM} is read`, () => {
  assert.deepEqual(read('x'.repeat(MAX_DATAGRAM + 1)), { drop: 'too_long' })
  assert.deepEqual(read('x'.repeat(MAX_DATAGRAM)), { query: 'x'.repeat(MAX_DATAGRAM) })
})

test('control bytes and bytes that are no UTF-8 are binary; UTF-8 text is a query', () => {
  assert.deepEqual(read(Uint8Array.from([0x17, 0x00, 0x03, 0x2a])), { drop: 'binary' })
  assert.deepEqual(read('Europe/Moscow\u0000'), { drop: 'binary' })
  assert.deepEqual(read('tab\there'), { drop: 'binary' })
  assert.deepEqual(read(Uint8Array.from([0x4d, 0xff, 0x4d])), { drop: 'binary' })
  assert.deepEqual(read('Москва'), { query: 'Москва' })
})
