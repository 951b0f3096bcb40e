import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createLogSampler } from '../../src/udp/log-sampler.ts'
import {
  ANSWER_INTERVAL_MS,
  createRateLimiter,
  RATE_TABLE_CAPACITY,
  sourceKey,
} from '../../src/udp/rate-limit.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

describe('the rate limit', () => {
  test('answers a source once per 3 s: a second datagram within them is dropped, after them answered', () => {
    const limiter = createRateLimiter()
    assert.equal(ANSWER_INTERVAL_MS, 3000)
    assert.equal(limiter.admit('a', 1000), true)
    assert.equal(limiter.admit('a', 1001), false)
    assert.equal(limiter.admit('a', 3999), false)
    assert.equal(limiter.admit('b', 3999), true, 'another source is not held up')
    assert.equal(limiter.admit('a', 4000), true)
    assert.equal(limiter.admit('a', 6999), false)
  })

  test('forgets sources whose 3 s are over, so an idle table empties', () => {
    const limiter = createRateLimiter()
    for (let i = 0; i < 1000; i++) limiter.admit(`source ${i}`, i)
    assert.equal(limiter.size, 1000)
    limiter.admit('late', 999 + ANSWER_INTERVAL_MS + 1)
    assert.equal(limiter.size, 1)
    assert.equal(limiter.evicted, 0)
  })

  test('a flood from a million sources within 3 s keeps the table at its capacity', (t) => {
    gc()
    const before = process.memoryUsage().heapUsed
    const limiter = createRateLimiter()
    let admitted = 0
    for (let i = 0; i < 1_000_000; i++)
      if (limiter.admit(`10.${i >>> 16}.${(i >>> 8) & 255}.${i & 255}`, i / 1000)) admitted++
    gc()
    const grown = process.memoryUsage().heapUsed - before
    assert.equal(limiter.size, RATE_TABLE_CAPACITY)
    // Every source was new, so each was answered; the oldest were forgotten to make room.
    assert.equal(admitted, 1_000_000)
    assert.equal(limiter.evicted, 1_000_000 - RATE_TABLE_CAPACITY)
    // A source answered just now is still held to its 3 s, and a new one is still answered.
    assert.equal(limiter.admit('10.15.66.63', 1000), false)
    assert.equal(limiter.admit('192.0.2.1', 1000), true)
    assert.ok(grown < 4 * 1024 * 1024, `the full table holds ${grown} bytes of heap`)
    t.diagnostic(
      `${RATE_TABLE_CAPACITY} entries, heap ${(grown / 1024 / 1024).toFixed(1)} MiB more (${Math.round(grown / RATE_TABLE_CAPACITY)} B an entry)`,
    )
  })

  test('a full table forgets the source answered longest ago first', () => {
    const limiter = createRateLimiter({ capacity: 3 })
    for (const [i, key] of ['a', 'b', 'c'].entries()) limiter.admit(key, i)
    assert.equal(limiter.admit('d', 10), true)
    assert.equal(limiter.size, 3)
    assert.equal(limiter.evicted, 1)
    assert.equal(limiter.admit('a', 11), true, 'a was forgotten')
    assert.equal(limiter.admit('c', 12), false, 'c was not')
  })
})

describe('the source key', () => {
  test('is the IPv4 address, mapped or not, and an IPv6 address’s /64', () => {
    assert.equal(sourceKey('192.0.2.7'), sourceKey('::ffff:192.0.2.7'))
    assert.notEqual(sourceKey('192.0.2.7'), sourceKey('192.0.2.8'))
    assert.equal(sourceKey('2001:db8:1:2::1'), sourceKey('2001:db8:1:2:ffff::9'))
    assert.notEqual(sourceKey('2001:db8:1:2::1'), sourceKey('2001:db8:1:3::1'))
    assert.equal(sourceKey('fe80::1%eth0'), 'fe80::1%eth0')
  })
})

describe('the log sampler', () => {
  test('lets 10 lines a second through, and the next one counts those held back', () => {
    const sampler = createLogSampler()
    const taken = Array.from({ length: 1000 }, (_, i) => sampler.take(i / 1000))
    assert.equal(taken.filter((held) => held !== undefined).length, 10)
    assert.equal(sampler.take(1000), 990)
    assert.equal(sampler.take(1001), 0)
  })
})
