import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Estimate, Sample } from '../../src/client/sync.ts'
import {
  createSyncLoop,
  FIRST_RETRY_MS,
  MIN_RESYNC_GAP_MS,
  RESYNC_MS,
  SAMPLE_SPACING_MS,
  SAMPLES,
} from '../../src/client/sync-loop.ts'
import { manualTimers } from './manual-timers.ts'

// The server's clock is this far ahead of the device's.
const SERVER_AHEAD_MS = 7_000

/** A loop on manual timers, whose samples answer at once unless `failing`, with `rtts` in turn. */
const setUp = ({ rtts = [40, 20, 30, 10, 50], hidden = false } = {}) => {
  const clock = manualTimers()
  const state = { failing: false, hidden, samples: [] as number[] }
  const events: string[] = []
  const synced: Estimate[] = []
  const loop = createSyncLoop({
    sample: async (): Promise<Sample> => {
      const t0 = clock.now()
      state.samples.push(t0)
      if (state.failing) throw new Error('no answer')
      const rtt = rtts[(state.samples.length - 1) % rtts.length] ?? 0
      return { t0, server: t0 + rtt / 2 + SERVER_AHEAD_MS, t1: t0 + rtt }
    },
    monoNow: clock.now,
    isHidden: () => state.hidden,
    timers: clock.timers,
    initialOffset: 0,
    onOffset: (offset) => events.push(`offset ${offset}`),
    onSynced: (estimate) => {
      events.push('synced')
      synced.push(estimate)
    },
    onFailed: () => events.push('failed'),
  })
  return { clock, state, events, synced, loop }
}

describe('the sync loop', () => {
  test('takes five samples 300 ms apart, keeps the best, and syncs again in ten minutes', async () => {
    const { clock, state, events, synced, loop } = setUp()
    void loop.sync(true)
    await clock.advance(SAMPLES * SAMPLE_SPACING_MS)
    assert.deepEqual(state.samples, [0, 300, 600, 900, 1200])
    // The 10 ms round trip's sample bounds the offset best: 5 ms and the clock's resolution.
    assert.deepEqual(synced, [{ offset: SERVER_AHEAD_MS, uncertainty: 6, rtt: 10 }])
    assert.equal(loop.offset(), SERVER_AHEAD_MS)
    assert.deepEqual(clock.delays(), [RESYNC_MS - 300])
    await clock.advance(RESYNC_MS + SAMPLES * SAMPLE_SPACING_MS)
    assert.equal(state.samples.length, 2 * SAMPLES)
    assert.equal(state.samples[SAMPLES], 1200 + RESYNC_MS)
    assert.equal(events.filter((event) => event === 'synced').length, 2)
  })

  test('follows the first estimate at once, and only estimates that change the offset', async () => {
    const { clock, events, loop } = setUp({ rtts: [10, 10, 10, 10, 10] })
    void loop.sync(true)
    await clock.advance(0)
    assert.deepEqual(events, [`offset ${SERVER_AHEAD_MS}`])
    await clock.advance(SAMPLES * SAMPLE_SPACING_MS)
    assert.deepEqual(events, [`offset ${SERVER_AHEAD_MS}`, 'synced'])
  })

  test('stops at the first failed sample, and keeps what it had', async () => {
    const { clock, state, synced, loop } = setUp()
    void loop.sync(true)
    await clock.advance(SAMPLE_SPACING_MS)
    state.failing = true
    await clock.advance(SAMPLES * SAMPLE_SPACING_MS)
    assert.equal(state.samples.length, 3)
    assert.equal(synced.length, 1)
    assert.equal(synced[0]?.rtt, 20)
  })

  test('retries after 5 s, doubling to ten minutes, and says so until the first success', async () => {
    const { clock, state, events, loop } = setUp()
    state.failing = true
    void loop.sync(true)
    const delays: number[] = []
    for (let i = 0; i < 9; i++) {
      await clock.advance(0)
      const [delay = 0] = clock.delays()
      delays.push(delay)
      await clock.advance(delay)
    }
    assert.deepEqual(delays.slice(0, 4), [FIRST_RETRY_MS, 10_000, 20_000, 40_000])
    assert.equal(Math.max(...delays), RESYNC_MS)
    // The first failure and each retry's.
    assert.equal(events.filter((event) => event === 'failed').length, 1 + delays.length)
    // Once synced, a failure no longer takes the verdict away.
    state.failing = false
    await clock.advance(RESYNC_MS)
    state.failing = true
    const before = events.length
    await clock.advance(RESYNC_MS)
    assert.ok(events.slice(before).every((event) => event !== 'failed'))
  })

  test('an unforced sync within 30 s of the last good one does nothing', async () => {
    const { clock, state, loop } = setUp()
    void loop.sync(true)
    await clock.advance(SAMPLES * SAMPLE_SPACING_MS)
    const taken = state.samples.length
    // The last good sync ended with its last sample, at 1200 ms.
    await clock.advance(1200 + MIN_RESYNC_GAP_MS - 1 - clock.now())
    void loop.sync()
    await clock.advance(0)
    assert.equal(state.samples.length, taken)
    await clock.advance(1)
    void loop.sync()
    await clock.advance(0)
    assert.equal(state.samples.length, taken + 1)
  })

  test('a forced sync asked for during one runs right after it, once', async () => {
    const { clock, state, events, loop } = setUp()
    void loop.sync(true)
    await clock.advance(SAMPLE_SPACING_MS)
    void loop.sync(true)
    void loop.sync(true)
    await clock.advance(2 * SAMPLES * SAMPLE_SPACING_MS)
    assert.equal(state.samples.length, 2 * SAMPLES)
    assert.equal(events.filter((event) => event === 'synced').length, 1)
  })

  test('a hidden page samples no more, and its resync waits for it to show', async () => {
    const { clock, state, loop } = setUp()
    void loop.sync(true)
    await clock.advance(SAMPLE_SPACING_MS)
    state.hidden = true
    await clock.advance(RESYNC_MS + SAMPLES * SAMPLE_SPACING_MS)
    // The sample already waited for is taken; none after it.
    assert.equal(state.samples.length, 3)
    assert.deepEqual(clock.delays(), [])
  })
})
