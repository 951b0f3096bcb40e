import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { brotliCompressSync } from 'node:zlib'
import type { Language } from '../../src/i18n/languages.ts'
import { describeDay, describeSun } from '../../src/render/day-context.ts'
import { createPageRenderer } from '../../src/render/page.ts'
import { buildPageModel } from '../../src/render/page-model.ts'
import { pagePlaceOf, placeCity } from '../../src/render/place-view.ts'
import { fixedClock } from '../../src/time/clock.ts'
import { createTimeDescriber } from '../../src/time/time-info.ts'
import { FIXED_INSTANT, plain } from '../fixtures.ts'
import { KAZAN, NAMELESS, springfield } from './places-fixture.ts'

const assets = {
  script: '/assets/clock.0123abcd.js',
  style: '/assets/clock.4567ef01.css',
  icon: '/assets/icon.89abcdef.svg',
}
const render = createPageRenderer({ assets })
const deps = { clock: fixedClock(FIXED_INSTANT), describe: createTimeDescriber() }
const pageOf = (place: typeof KAZAN, language: Language) =>
  render(
    buildPageModel(deps, place.zone, place.path, language, pagePlaceOf(place, language)),
    language,
  )
const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')

describe('a place’s clock page', () => {
  test('in Russian: «Точное время в Казани», by the place’s locative, at Moscow time', () => {
    const html = pageOf(KAZAN, 'ru')
    assert.match(html, /<title>Точное время в Казани<\/title>/)
    assert.match(html, /<h1>Время в Казани<\/h1>/)
    assert.match(html, /data-city="Казань" data-city-in="в Казани"/)
    assert.match(html, /data-api="\/api\/timezone\/Europe\/Moscow"/)
    assert.match(html, /datetime="2026-11-27T16:20:31\+03:00"/)
    assert.match(html, /<p id="zone" class="zone">МСК · UTC\+03:00<\/p>/)
  })

  test('shows its region and links its country’s page, in the page’s language', () => {
    assert.match(
      pageOf(KAZAN, 'en'),
      /<p class="where">Tatarstan Republic, <a href="\/country\/RU">Russia<\/a><\/p>/,
    )
    assert.match(
      pageOf(KAZAN, 'ru'),
      /<p class="where">Татарстан, <a href="\/country\/RU\?lang=ru">Россия<\/a><\/p>/,
    )
    assert.match(pageOf(NAMELESS, 'en'), /<p class="where"><a href="\/country\/PL">Poland<\/a>/)
  })

  test('the language switch stays on the place’s path', () => {
    const html = pageOf(springfield('Illinois', 'Иллинойс', 116_565), 'en')
    assert.match(html, /<a href="\/city\/Springfield\/US\/Illinois\?lang=ru" hreflang="ru"/)
  })

  test('the sun at the place’s own coordinates, not the zone’s', () => {
    const now = Temporal.Instant.from(FIXED_INSTANT)
    const moscow = describeSun({ zone: 'Europe/Moscow', now, language: 'en' })
    const kazan = describeSun({
      zone: 'Europe/Moscow',
      now,
      language: 'en',
      coordinates: { latitude: KAZAN.latitude, longitude: KAZAN.longitude },
    })
    // Kazan lies 11.5° east of Moscow: its sun rises and sets about 46 minutes earlier.
    assert.equal(plain(moscow), 'Sunrise 08:28 · sunset 16:08 · day 7 h 39 min')
    assert.equal(plain(kazan), 'Sunrise 07:42 · sunset 15:22 · day 7 h 39 min')
    assert.match(textOf(pageOf(KAZAN, 'en')), /Sunrise 07:42 · sunset 15:22/)
    // Lines are kept per place: Moscow's zone page keeps its own.
    assert.equal(describeDay({ zone: 'Europe/Moscow', now, language: 'en' })[1], moscow)
  })

  test('names: Russian where the index has it, else the name as GeoNames writes it', () => {
    assert.deepEqual(placeCity(KAZAN, 'en'), { name: 'Kazan', inName: 'in Kazan' })
    assert.deepEqual(placeCity(NAMELESS, 'ru'), { name: 'Brzeg Dolny', inName: 'в Brzeg Dolny' })
    assert.deepEqual(placeCity({ ...KAZAN, ruIn: '' }, 'ru'), {
      name: 'Казань',
      inName: 'в Казань',
    })
  })

  for (const language of ['en', 'ru'] as const) {
    test(`${language}: a long name with region and country keeps within the page’s budget`, () => {
      const long = {
        ...springfield('Province of Buenos Aires', 'Провинция Буэнос-Айрес', 1, 'America/Havana'),
        name: 'San Fernando del Valle de Catamarca Norte',
        ru: 'Сан-Фернандо-дель-Валье-де-Катамарка-Норте',
        ruIn: 'Сан-Фернандо-дель-Валье-де-Катамарке-Норте',
      }
      const html = pageOf(long, language)
      assert.ok(Buffer.byteLength(html) < 10_000, `${Buffer.byteLength(html)} bytes`)
      const size = brotliCompressSync(html).length
      assert.ok(size <= 4096, `${size} bytes brotli`)
    })
  }

  test('every page carries the search form, and credits GeoNames beside DB-IP', () => {
    const html = pageOf(KAZAN, 'ru')
    assert.match(
      html,
      /<form id="search" class="search" role="search" action="\/search" method="get" aria-label="Найти город">/,
    )
    assert.match(html, /<label for="q" class="vh">Найти город<\/label><input id="q" name="q"/)
    assert.match(html, /<input type="hidden" name="lang" value="ru"><button type="submit">Найти/)
    assert.doesNotMatch(pageOf(KAZAN, 'en'), /name="lang"/)
    assert.match(
      html,
      /<a href="https:\/\/db-ip.com">IP Geolocation by DB-IP<\/a><a href="https:\/\/www.geonames.org">Места: GeoNames, CC BY 4.0<\/a><\/footer>/,
    )
  })
})
