import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRateLimiter } from '../../src/udp/rate-limit.ts'
import { type Client, openClient, sleep, startListener } from './udp-test-kit.ts'

const MiB = 1024 * 1024

// Sends `count` datagrams from each client, 50 at a time (up to 50,000 a second), so that the
// listener, on this same event loop, reads them before the loopback buffer overflows.
const flood = async (clients: Client[], port: number, count: number, query = 'Europe/Moscow') => {
  let sent = 0
  for (let i = 0; i < count; i++) {
    for (const client of clients) {
      client.socket.send(query, port, '127.0.0.1')
      if (++sent % 50 === 0) await sleep(1)
    }
  }
  await sleep(300)
}

test('a flood from one address: one answer per 3 s, the rest dropped, others answered, memory flat', async (t) => {
  const { listener, port, metric } = await startListener()
  const flooder = await openClient('127.0.0.1')
  const other = await openClient('127.0.0.2')
  try {
    const rssBefore = process.memoryUsage.rss()
    const sent = 50_000
    const started = performance.now()
    const otherAnswer = other.ask(port, 'Asia/Tokyo', 3000)
    // In five parts, to see the memory level off rather than grow with the datagrams.
    const rss: number[] = []
    for (let part = 0; part < 5; part++) {
      await flood([flooder], port, sent / 5)
      rss.push(process.memoryUsage.rss())
    }
    const rssAfter = rss.at(-1) as number
    const seconds = (performance.now() - started) / 1000
    // One answer per 3 s begun: the first at once, then one each time its 3 s are over.
    const allowed = Math.floor(seconds / 3) + 1
    const answered = await metric('timezoned_answers_total', { kind: 'ok' })
    const dropped = await metric('timezoned_drops_total', { reason: 'rate_limited' })
    assert.equal(await otherAnswer, 'OK Asia/Tokyo JST-9')
    const flooderAnswers = flooder.received.length
    assert.ok(flooderAnswers >= 1 && flooderAnswers <= allowed, `${flooderAnswers} in ${seconds} s`)
    assert.equal(answered, flooderAnswers + 1)
    assert.ok(dropped > sent / 10, `${dropped} of ${sent} reached the listener and were dropped`)
    // Both sources at most: an entry leaves once its 3 s are over.
    assert.ok((await metric('timezoned_rate_table_entries')) <= 2)
    assert.ok(rssAfter - rssBefore < 64 * MiB, `RSS grew ${(rssAfter - rssBefore) / MiB} MiB`)
    t.diagnostic(
      `one address, ${seconds.toFixed(1)} s: sent ${sent}, received ${flooderAnswers + dropped}, answered ${flooderAnswers} (and the other source 1), dropped ${dropped}, lost in the kernel ${sent - (flooderAnswers + dropped)}; RSS ${(rssBefore / MiB).toFixed(1)} -> ${rss.map((value) => (value / MiB).toFixed(1)).join(', ')} MiB (every 10000)`,
    )
  } finally {
    flooder.close()
    other.close()
    await listener.close()
  }
})

// 127.0.0.2 to 127.0.0.201: real sources with addresses of their own.
const openMany = (count: number, from = 2) =>
  Promise.all(Array.from({ length: count }, (_, i) => openClient(`127.0.0.${from + i}`)))

test('a flood from 200 addresses: each answered once per 3 s, the table one entry a source', async (t) => {
  const { listener, port, metric } = await startListener()
  const clients = await openMany(200)
  try {
    const rssBefore = process.memoryUsage.rss()
    const started = performance.now()
    await flood(clients, port, 50)
    const seconds = (performance.now() - started) / 1000
    const rssAfter = process.memoryUsage.rss()
    const answered = await metric('timezoned_answers_total', { kind: 'ok' })
    const dropped = await metric('timezoned_drops_total', { reason: 'rate_limited' })
    // Once, unless a slow machine stretched the flood past 3 s.
    const allowed = Math.floor(seconds / 3) + 1
    const counts = clients.map((client) => client.received.length)
    assert.deepEqual(
      counts.filter((count) => count < 1 || count > allowed),
      [],
      `every address got one answer per 3 s begun (${seconds} s)`,
    )
    assert.equal(
      answered,
      counts.reduce((sum, count) => sum + count, 0),
    )
    const entries = await metric('timezoned_rate_table_entries')
    assert.ok(entries <= 200 && (seconds >= 3 || entries === 200), `${entries} entries`)
    const late = await openClient('127.0.0.250')
    assert.equal(await late.ask(port, 'moscow'), 'OK Europe/Moscow MSK-3', 'a newcomer is answered')
    late.close()
    t.diagnostic(
      `200 addresses, ${seconds.toFixed(1)} s: sent 10000, received ${answered + dropped}, answered ${answered}, dropped ${dropped}, table ${entries}; RSS ${(rssBefore / MiB).toFixed(1)} -> ${(rssAfter / MiB).toFixed(1)} MiB`,
    )
  } finally {
    for (const client of clients) client.close()
    await listener.close()
  }
})

test('more sources than the table holds: it stays at its size, forgets the oldest, answers newcomers', async (t) => {
  const limiter = createRateLimiter({ capacity: 64 })
  const { listener, port, metric } = await startListener({ limiter })
  const clients = await openMany(200)
  try {
    await flood(clients, port, 20)
    assert.equal(await metric('timezoned_rate_table_entries'), 64)
    const evicted = await metric('timezoned_rate_table_evictions_total')
    assert.ok(evicted >= 200 - 64, `${evicted} forgotten early`)
    const late = await openClient('127.0.0.250')
    assert.equal(await late.ask(port, 'moscow'), 'OK Europe/Moscow MSK-3')
    late.close()
    const answered = await metric('timezoned_answers_total', { kind: 'ok' })
    t.diagnostic(`a table of 64 under 200 sources: ${answered} answers, ${evicted} early evictions`)
  } finally {
    for (const client of clients) client.close()
    await listener.close()
  }
})
