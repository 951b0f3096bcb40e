import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createTicker, JUMP_MS } from '../../src/client/ticker.ts'
import { manualTimers } from './manual-timers.ts'

const T0 = Date.UTC(2026, 10, 27, 13, 20, 31, 250)

/** A ticker whose device clock is `wall` and monotonic clock the manual timers'. */
const setUp = ({ offset = 500, until = Number.POSITIVE_INFINITY } = {}) => {
  const clock = manualTimers()
  const device = { shift: 0 }
  const shown: number[] = []
  let resyncs = 0
  let transitionAt = until
  const ticker = createTicker({
    wallNow: () => T0 + clock.now() + device.shift,
    monoNow: clock.now,
    timers: clock.timers,
    offset: () => offset,
    reached: (now) => {
      if (!(now >= transitionAt)) return false
      transitionAt = Number.POSITIVE_INFINITY
      return true
    },
    resync: () => {
      resyncs += 1
    },
    show: (now) => shown.push(now),
  })
  return { clock, device, shown, ticker, resyncs: () => resyncs }
}

describe('the ticker', () => {
  test('shows the server’s time, then ticks on each of its whole seconds', async () => {
    const { clock, shown, ticker } = setUp({ offset: 500 })
    ticker.tick()
    assert.deepEqual(shown, [T0 + 500])
    // The server's time is at .750 of its second: the next tick is 250 ms away.
    assert.deepEqual(clock.delays(), [250])
    await clock.advance(2_000)
    assert.deepEqual(
      shown.slice(1).map((now) => now % 1000),
      [0, 0],
    )
  })

  test('a tick asked for early replaces the one pending, never adds one', () => {
    const { clock, ticker } = setUp()
    ticker.tick()
    ticker.tick()
    assert.equal(clock.delays().length, 1)
    ticker.stop()
    assert.deepEqual(clock.delays(), [])
  })

  test('asks for a resync when the device clock is set, and not for a steady clock', async () => {
    const { clock, device, ticker, resyncs } = setUp()
    ticker.tick()
    await clock.advance(5_000)
    assert.equal(resyncs(), 0)
    device.shift = JUMP_MS + 1
    await clock.advance(1_000)
    assert.equal(resyncs(), 1)
  })

  test('asks for a resync once at the zone’s transition', async () => {
    const { clock, ticker, resyncs } = setUp({ offset: 0, until: T0 + 1_500 })
    ticker.tick()
    await clock.advance(1_000)
    assert.equal(resyncs(), 0)
    await clock.advance(3_000)
    assert.equal(resyncs(), 1)
  })
})
