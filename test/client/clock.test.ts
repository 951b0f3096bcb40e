import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  estimateOffset,
  msUntilNextSecond,
  parseOffset,
  parseServerTime,
  RESOLUTION_MS,
  type Sample,
  serverNowFromPage,
} from '../../src/client/sync.ts'
import {
  describeZoneDifference,
  formatError,
  judgeClock,
  systemOf,
  zonedTime,
} from '../../src/client/words.ts'
import { plain } from '../fixtures.ts'

// The script separates numbers from units with no-break spaces; tests read them as spaces.

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

describe('judgeClock: the verdict', () => {
  const say = (offset: number, uncertainty: number, language: 'en' | 'ru') => {
    const { state, text } = judgeClock(offset, uncertainty, language)
    return [state, plain(text)]
  }

  test('a fast clock, with no zero units and no ± beside a large error', () => {
    const offset = -(2 * 3600_000 + 37_000 + 12)
    assert.deepEqual(say(offset, 15, 'en'), ['off', 'Your clock is 2 h 37 s fast'])
    assert.deepEqual(say(offset, 15, 'ru'), ['off', 'Ваши часы спешат на 2 ч 37 с'])
  })

  test('a slow clock', () => {
    assert.deepEqual(say(300_004, 2, 'en'), ['off', 'Your clock is 5 min slow'])
    assert.deepEqual(say(300_004, 2, 'ru'), ['off', 'Ваши часы отстают на 5 мин'])
  })

  test('the ± only where it is at least 1 % of the error, rounded up', () => {
    assert.deepEqual(say(-370, 12, 'en'), ['off', 'Your clock is 0.37 s fast (± 0.02 s)'])
    assert.deepEqual(say(4200, 1234, 'en'), ['off', 'Your clock is 4.20 s slow (± 1.3 s)'])
    assert.deepEqual(say(-90_000, 500, 'en'), ['off', 'Your clock is 1 min 30 s fast'])
  })

  test('exact within the uncertainty, or under 0.1 s', () => {
    assert.deepEqual(say(-8, 9, 'en'), ['exact', 'Your clock is exact'])
    assert.deepEqual(say(80, 5, 'ru'), ['exact', 'Ваши часы идут точно'])
    assert.equal(say(120, 5, 'en')[0], 'off')
  })

  test('formatError says seconds to the hundredth below 10 s', () => {
    assert.equal(plain(formatError(4200, 'en')), '4.20 s')
    assert.equal(plain(formatError(3_600_000, 'en')), '1 h')
    assert.equal(plain(formatError(3_661_000, 'ru')), '1 ч 1 мин 1 с')
  })
})

describe('systemOf: how to fix it, by system', () => {
  test('reads the user agent', () => {
    const agents: Array<[string, string]> = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'windows'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)', 'macos'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)', 'ios'],
      ['Mozilla/5.0 (Linux; Android 15; Pixel 9)', 'android'],
      ['Mozilla/5.0 (X11; Linux x86_64)', 'linux'],
      ['curl/8', 'other'],
    ]
    for (const [agent, system] of agents) assert.equal(systemOf(agent), system, agent)
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

describe('describeZoneDifference', () => {
  test('says how many hours the city is ahead or behind', () => {
    assert.equal(
      plain(describeZoneDifference(180, -300, 'Moscow', 'in Moscow', 'en')),
      'Moscow is 8 hours ahead of you',
    )
    assert.equal(
      plain(describeZoneDifference(180, 540, 'Moscow', 'in Moscow', 'en')),
      'Moscow is 6 hours behind you',
    )
    assert.equal(
      plain(describeZoneDifference(180, 120, 'Moscow', 'in Moscow', 'en')),
      'Moscow is 1 hour ahead of you',
    )
    assert.equal(
      plain(describeZoneDifference(180, 330, 'Moscow', 'in Moscow', 'en')),
      'Moscow is 2 hours 30 minutes behind you',
    )
  })

  test('declines Russian hours and minutes', () => {
    const ru = (visitor: number) =>
      plain(describeZoneDifference(180, visitor, 'Москва', 'в Москве', 'ru'))
    assert.equal(ru(120), 'Москва опережает вас на 1 час')
    assert.equal(ru(60), 'Москва опережает вас на 2 часа')
    assert.equal(ru(-120), 'Москва опережает вас на 5 часов')
    assert.equal(ru(-1080), 'Москва опережает вас на 21 час')
    assert.equal(ru(345), 'Москва отстаёт от вас на 2 часа 45 минут')
    assert.equal(ru(201), 'Москва отстаёт от вас на 21 минуту')
  })

  test('says when the visitor is on the same time', () => {
    assert.equal(
      describeZoneDifference(180, 180, 'Moscow', 'in Moscow', 'en'),
      'You are on Moscow time',
    )
    assert.equal(
      describeZoneDifference(180, 180, 'Москва', 'в Москве', 'ru'),
      'Время в Москве совпадает с вашим',
    )
  })
})

describe('zonedTime', () => {
  const at = Date.UTC(2026, 10, 27, 13, 20, 31, 999)

  test('reads the wall clock at the offset the server sent', () => {
    assert.deepEqual(zonedTime(at, 180), {
      hm: '16:20',
      ss: '31',
      iso: '2026-11-27T16:20:31+03:00',
      offset: '+03:00',
      offsetMinutes: 180,
    })
  })

  test('handles negative, fractional and zero offsets, and the date line', () => {
    assert.equal(zonedTime(at, -210).iso, '2026-11-27T09:50:31-03:30')
    assert.equal(zonedTime(at, 0).iso, '2026-11-27T13:20:31+00:00')
    assert.equal(zonedTime(Date.UTC(2026, 10, 27, 21), 180).iso, '2026-11-28T00:00:00+03:00')
    assert.equal(zonedTime(Date.UTC(2026, 10, 27, 3), -240).iso, '2026-11-26T23:00:00-04:00')
  })

  test("ignores the browser's own zone data: Havana at -04:00 while older data says -05:00", () => {
    const havana = Date.UTC(2026, 10, 28, 12)
    assert.equal(zonedTime(havana, -240).hm, '08:00')
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
