import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { createRateLimiter } from '../../src/udp/rate-limit.ts'
import { openClient, sleep, startListener } from './udp-test-kit.ts'

// Each question from an address of its own (127.0.0.x), so the rate limit never stands between.
let nextAddress = 10
const askFresh = async (port: number, payload: string | Uint8Array, ms?: number) => {
  const client = await openClient(`127.0.0.${nextAddress++}`)
  try {
    return await client.ask(port, payload, ms)
  } finally {
    client.close()
  }
}

describe('over a real UDP socket', async () => {
  const { listener, port, metric, lines } = await startListener()
  after(() => listener.close())

  test('every reply form, as the original server words it, one datagram with no newline', async () => {
    const replies = {
      'Europe/Moscow': 'OK Europe/Moscow MSK-3',
      moscow: 'OK Europe/Moscow MSK-3',
      'europe/london#0.8.3': 'OK Europe/London GMT0BST,M3.5.0/1,M10.5.0',
      DE: 'OK Europe/Berlin CET-1CEST,M3.5.0,M10.5.0/3',
      US: 'ERROR Country Spans Multiple Timezones',
      XX: 'ERROR Country Not Found',
      'Mars/Base': 'ERROR Timezone Not Found',
      'Europe/Dublin': 'OK Europe/Dublin GMT0IST,M3.5.0/1,M10.5.0',
    }
    for (const [query, reply] of Object.entries(replies))
      assert.equal(await askFresh(port, query), reply, query)
  })

  test('GeoIP from loopback, which has no location, gets the fallback zone', async () => {
    assert.equal(await askFresh(port, 'GeoIP'), 'OK Europe/Moscow MSK-3')
  })

  test('malformed datagrams are dropped unanswered and counted, and cost their sender nothing', async () => {
    const client = await openClient('127.0.0.9')
    try {
      assert.equal(await client.ask(port, '', 300), undefined)
      assert.equal(await client.ask(port, 'x'.repeat(513), 300), undefined)
      assert.equal(
        await client.ask(port, Uint8Array.from([0x16, 0x03, 0x01, 0x00]), 300),
        undefined,
      )
      assert.equal(await metric('timezoned_drops_total', { reason: 'empty' }), 1)
      assert.equal(await metric('timezoned_drops_total', { reason: 'too_long' }), 1)
      assert.equal(await metric('timezoned_drops_total', { reason: 'binary' }), 1)
      // None of them took the sender's one answer in 3 s.
      assert.equal(await client.ask(port, 'Asia/Tokyo'), 'OK Asia/Tokyo JST-9')
    } finally {
      client.close()
    }
  })

  test('answers are counted by kind, and log lines name the kind, never the answer', async () => {
    assert.ok((await metric('timezoned_answers_total', { kind: 'ok' })) >= 6)
    assert.equal(await metric('timezoned_answers_total', { kind: 'country_not_found' }), 1)
    const line = lines.find((fields) => fields.query === 'XX')
    assert.deepEqual(line, { ip: line?.ip, query: 'XX', answer: 'country_not_found', held: 0 })
  })
})

test('one answer per source per 3 s: a second datagram within them is dropped, after them answered', async () => {
  const { listener, port, metric } = await startListener()
  const client = await openClient('127.0.0.3')
  try {
    assert.equal(await client.ask(port, 'Europe/Moscow'), 'OK Europe/Moscow MSK-3')
    // The window began before the answer came: 3 s from here is past it however slow the answer.
    const first = Date.now()
    assert.equal(await client.ask(port, 'Europe/Moscow', 300), undefined)
    assert.equal(await client.ask(port, 'Asia/Tokyo', 300), undefined, 'whatever it asks')
    assert.equal(await metric('timezoned_drops_total', { reason: 'rate_limited' }), 2)
    assert.equal(await metric('timezoned_rate_table_entries'), 1)
    await sleep(first + 3050 - Date.now())
    assert.equal(await client.ask(port, 'Asia/Tokyo'), 'OK Asia/Tokyo JST-9')
  } finally {
    client.close()
    await listener.close()
  }
})

test('GeoIP with IP_FALLBACK_ZONE=none: the lookup failed', async () => {
  const { listener, port } = await startListener({ fallbackZone: null })
  try {
    assert.equal(await askFresh(port, 'GeoIP'), 'ERROR GeoIP Lookup Failed')
  } finally {
    await listener.close()
  }
})

test('IPv6: a listener on ::1 answers, and GeoIP gets the fallback zone', async (t) => {
  let started: Awaited<ReturnType<typeof startListener>>
  try {
    started = await startListener({ host: '::1', fallbackZone: 'Asia/Tokyo' })
  } catch (error) {
    return t.skip(`no IPv6 loopback here: ${(error as Error).message}`)
  }
  const client = await openClient('::1')
  try {
    assert.equal(await client.ask(started.port, 'geoip'), 'OK Asia/Tokyo JST-9')
  } finally {
    client.close()
    await started.listener.close()
  }
})

test('under a flood, log lines are sampled: about ten a second, never one a datagram', async () => {
  // A limiter that admits all, so every datagram is answered and would be a line.
  const admitAll = { ...createRateLimiter(), admit: () => true }
  const { listener, port, lines, metric } = await startListener({ limiter: admitAll })
  const client = await openClient('127.0.0.4')
  try {
    for (let i = 0; i < 2000; i++) {
      client.socket.send('Europe/Moscow', port, '127.0.0.1')
      if (i % 100 === 99) await sleep(5)
    }
    await sleep(300)
    const answered = await metric('timezoned_answers_total', { kind: 'ok' })
    assert.ok(answered > 500, `${answered} answered`)
    assert.ok(lines.length <= 20, `${lines.length} lines for ${answered} answers`)
  } finally {
    client.close()
    await listener.close()
  }
})
