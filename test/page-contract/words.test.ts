import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  describeDifferenceFrom,
  describeZoneDifference,
  formatDifference,
  formatError,
  formatZoneLine,
  judgeClock,
} from '../../src/page-contract/words.ts'
import { plain } from '../fixtures.ts'

// The words separate numbers from units with no-break spaces; tests read them as spaces.

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

describe('describeZoneDifference', () => {
  test('says how many hours the city is ahead or behind', () => {
    assert.equal(
      plain(
        describeZoneDifference({
          zoneOffset: 180,
          visitorOffset: -300,
          city: 'Moscow',
          cityIn: 'in Moscow',
          language: 'en',
        }),
      ),
      'Moscow is 8 hours ahead of you',
    )
    assert.equal(
      plain(
        describeZoneDifference({
          zoneOffset: 180,
          visitorOffset: 540,
          city: 'Moscow',
          cityIn: 'in Moscow',
          language: 'en',
        }),
      ),
      'Moscow is 6 hours behind you',
    )
    assert.equal(
      plain(
        describeZoneDifference({
          zoneOffset: 180,
          visitorOffset: 120,
          city: 'Moscow',
          cityIn: 'in Moscow',
          language: 'en',
        }),
      ),
      'Moscow is 1 hour ahead of you',
    )
    assert.equal(
      plain(
        describeZoneDifference({
          zoneOffset: 180,
          visitorOffset: 330,
          city: 'Moscow',
          cityIn: 'in Moscow',
          language: 'en',
        }),
      ),
      'Moscow is 2 hours 30 minutes behind you',
    )
  })

  test('declines Russian hours and minutes', () => {
    const ru = (visitor: number) =>
      plain(
        describeZoneDifference({
          zoneOffset: 180,
          visitorOffset: visitor,
          city: 'Москва',
          cityIn: 'в Москве',
          language: 'ru',
        }),
      )
    assert.equal(ru(120), 'Москва опережает вас на 1 час')
    assert.equal(ru(60), 'Москва опережает вас на 2 часа')
    assert.equal(ru(-120), 'Москва опережает вас на 5 часов')
    assert.equal(ru(-1080), 'Москва опережает вас на 21 час')
    assert.equal(ru(345), 'Москва отстаёт от вас на 2 часа 45 минут')
    assert.equal(ru(201), 'Москва отстаёт от вас на 21 минуту')
  })

  test('says when the visitor is on the same time', () => {
    assert.equal(
      describeZoneDifference({
        zoneOffset: 180,
        visitorOffset: 180,
        city: 'Moscow',
        cityIn: 'in Moscow',
        language: 'en',
      }),
      'You are on Moscow time',
    )
    assert.equal(
      describeZoneDifference({
        zoneOffset: 180,
        visitorOffset: 180,
        city: 'Москва',
        cityIn: 'в Москве',
        language: 'ru',
      }),
      'Время в Москве совпадает с вашим',
    )
  })
})

describe('the sentences', () => {
  test('formatDifference says hours and minutes, no zero units', () => {
    assert.equal(plain(formatDifference(-330, 'en')), '5 hours 30 minutes')
    assert.equal(plain(formatDifference(60, 'en')), '1 hour')
    assert.equal(plain(formatDifference(45, 'ru')), '45 минут')
    assert.equal(plain(formatDifference(-1321, 'ru')), '22 часа 1 минуту')
  })

  test('describeDifferenceFrom, in English and Russian', () => {
    const say = (zone: number, visitor: number, language: 'en' | 'ru') =>
      plain(
        language === 'en'
          ? describeDifferenceFrom('28 March', {
              zoneOffset: zone,
              visitorOffset: visitor,
              city: 'London',
              cityIn: 'in London',
              language: 'en',
            })
          : describeDifferenceFrom('28 марта', {
              zoneOffset: zone,
              visitorOffset: visitor,
              city: 'Лондон',
              cityIn: 'в Лондоне',
              language: 'ru',
            }),
      )
    assert.equal(say(60, 540, 'en'), 'From 28 March, London is 8 hours behind you')
    assert.equal(say(60, -240, 'en'), 'From 28 March, London is 5 hours ahead of you')
    assert.equal(say(60, 60, 'en'), 'From 28 March, you are on London time')
    assert.equal(say(60, 540, 'ru'), 'С 28 марта Лондон отстаёт от вас на 8 часов')
    assert.equal(say(60, 60, 'ru'), 'С 28 марта время в Лондоне совпадает с вашим')
  })
})

describe('formatZoneLine', () => {
  test('the abbreviation as given, then the ISO offset', () => {
    assert.equal(formatZoneLine('МСК', '+03:00'), 'МСК · UTC+03:00')
  })
})
