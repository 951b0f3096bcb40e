import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  describeDeviceError,
  describeZoneDifference,
  estimateOffset,
  msUntilNextSecond,
  parseOffset,
  parseServerTime,
  RESOLUTION_MS,
  type Sample,
  zonedTime,
} from '../../public/clock.js'

// The script separates numbers from units with no-break spaces; tests read them as spaces.
const plain = (text: string) => text.replaceAll('\u00a0', ' ')

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

describe('describeDeviceError', () => {
  test('says how far a fast clock is ahead, in hours, minutes and seconds', () => {
    const offset = -(2 * 3600_000 + 37_000 + 12)
    assert.equal(
      plain(describeDeviceError(offset, 15, 'en')),
      'Your device’s clock is 2 h 0 min 37 s fast (±0.02 s)',
    )
    assert.equal(
      plain(describeDeviceError(offset, 15, 'ru')),
      'Часы вашего устройства спешат на 2 ч 0 мин 37 с (±0,02 с)',
    )
  })

  test('says how far a slow clock is behind', () => {
    assert.equal(
      plain(describeDeviceError(300_004, 2, 'en')),
      'Your device’s clock is 5 min 0 s slow (±0.01 s)',
    )
    assert.equal(
      plain(describeDeviceError(300_004, 2, 'ru')),
      'Часы вашего устройства отстают на 5 мин 0 с (±0,01 с)',
    )
  })

  test('gives fractions of a second below a minute, as precise as the uncertainty', () => {
    assert.equal(
      plain(describeDeviceError(-370, 12, 'en')),
      'Your device’s clock is 0.37 s fast (±0.02 s)',
    )
    assert.equal(
      plain(describeDeviceError(4200, 1234, 'en')),
      'Your device’s clock is 4.2 s slow (±1.3 s)',
    )
  })

  test('calls a clock within the uncertainty exact', () => {
    assert.equal(plain(describeDeviceError(-8, 9, 'en')), 'Your device’s clock is exact (±0.01 s)')
    assert.equal(
      plain(describeDeviceError(8, 9, 'ru')),
      'Часы вашего устройства идут точно (±0,01 с)',
    )
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
