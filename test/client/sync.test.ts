import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  estimateOffset,
  msUntilNextSecond,
  parseOffset,
  parseServerTime,
  type Sample,
  serverNowFromPage,
} from '../../src/client/sync.ts'
import { RESOLUTION_MS } from '../../src/page-contract/timing.ts'

describe('estimateOffset', () => {
  test('takes the offset from the midpoint of the round trip', () => {
    assert.deepEqual(estimateOffset([{ t0: 1000, server: 8_000_020, t1: 1040 }], 0), {
      offset: 8_000_020 - 1020,
      uncertainty: 20,
      rtt: 40,
    })
  })

  test('keeps the sample with the smallest round trip', () => {
    const samples: Sample[] = [
      { t0: 0, server: 5_100, t1: 200 },
      { t0: 1000, server: 6_004, t1: 1008 },
      { t0: 2000, server: 7_050, t1: 2100 },
    ]
    assert.deepEqual(estimateOffset(samples, 0), { offset: 5000, uncertainty: 4, rtt: 8 })
  })

  test('bounds the error by half the round trip plus the clock resolution', () => {
    const estimate = estimateOffset([{ t0: 10, server: 100, t1: 30 }])
    assert.equal(estimate?.uncertainty, 10 + RESOLUTION_MS)
    assert.equal(estimateOffset([{ t0: 10, server: 100, t1: 30 }], 0.5)?.uncertainty, 10.5)
  })

  test('drops samples whose device clock stepped back mid-flight, and unreadable ones', () => {
    const samples: Sample[] = [
      { t0: 5000, server: 9_000, t1: 4000 },
      { t0: 0, server: Number.NaN, t1: 1 },
      { t0: 100, server: 1_130, t1: 160 },
    ]
    assert.equal(estimateOffset(samples, 0)?.offset, 1000)
  })

  test('has no estimate without a usable sample', () => {
    assert.equal(estimateOffset([]), undefined)
    assert.equal(estimateOffset([{ t0: 2, server: 0, t1: 1 }]), undefined)
  })

  test('recovers a known device error within its stated uncertainty, whatever the delays', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (const trueOffset of [7_237_000, -300_000, 0, 12.5]) {
      const samples = Array.from({ length: 5 }, (_, i) => {
        const t0 = 1_000_000 + i * 300
        const up = 1 + random() * 80
        const down = 1 + random() * 80
        return { t0, server: t0 + up + trueOffset, t1: t0 + up + down }
      })
      const estimate = estimateOffset(samples, 0)
      assert.ok(estimate)
      assert.ok(Math.abs(estimate.offset - trueOffset) <= estimate.uncertainty, `${trueOffset}`)
    }
  })
})

describe('parseServerTime', () => {
  test('keeps the microseconds of utc_datetime', () => {
    assert.equal(
      parseServerTime('2026-11-27T13:20:31.123456+00:00'),
      Date.UTC(2026, 10, 27, 13, 20, 31) + 123.456,
    )
    assert.equal(parseServerTime('2026-11-27T16:20:31+03:00'), Date.UTC(2026, 10, 27, 13, 20, 31))
  })

  test('gives NaN for anything else', () => {
    for (const bad of [undefined, 1795785631, '', 'yesterday', '2026-11-27 13:20:31'])
      assert.ok(Number.isNaN(parseServerTime(bad)), String(bad))
  })
})

describe('msUntilNextSecond', () => {
  test('aims at the next whole second of the given time', () => {
    assert.equal(msUntilNextSecond(1_795_785_631_250), 750)
    assert.equal(msUntilNextSecond(1_795_785_631_999.5), 0.5)
    assert.equal(msUntilNextSecond(1_795_785_631_000), 1000)
    assert.equal(msUntilNextSecond(-250), 250)
  })
})

describe('serverNowFromPage: the first second', () => {
  test('advances the page instant by the time since the response began, plus half the round trip', () => {
    const marks = { requestStart: 100, responseStart: 700 }
    assert.equal(serverNowFromPage(1_000_000, 2_700, marks), 1_000_000 + 2_000 + 300)
  })

  test('keeps the page instant without Navigation Timing', () => {
    assert.equal(serverNowFromPage(5_000, 900, undefined), 5_000)
    assert.equal(serverNowFromPage(5_000, 900, { requestStart: 0, responseStart: 0 }), 5_000)
  })
})

describe('parseOffset', () => {
  test("reads the API's utc_offset", () => {
    assert.equal(parseOffset('+03:00'), 180)
    assert.equal(parseOffset('-03:30'), -210)
    assert.equal(parseOffset('+00:00'), 0)
  })

  test('refuses anything else', () => {
    for (const bad of ['', '03:00', '+3:00', 'GMT+3', null, 180])
      assert.ok(Number.isNaN(parseOffset(bad)))
  })
})
