import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createCitiesPage } from '../../src/render/cities-page.ts'
import { COUNTRY_PAGE_SIZE, createCountryPage } from '../../src/render/country-page.ts'
import { createErrorPage } from '../../src/render/error-page.ts'
import { countPlaces } from '../../src/render/place-list.ts'
import { createSearchPages } from '../../src/render/search-pages.ts'
import { plain } from '../fixtures.ts'
import { KAZAN, NAMELESS, springfield } from './places-fixture.ts'

const assets = {
  script: '/assets/clock.0123abcd.js',
  style: '/assets/clock.4567ef01.css',
  icon: '/assets/icon.89abcdef.svg',
}
const search = createSearchPages(assets)
const SPRINGFIELDS = [
  springfield('Missouri', 'Миссури', 166_810),
  springfield('Massachusetts', 'Массачусетс', 154_341, 'America/New_York'),
  springfield('Illinois', 'Иллинойс', 116_565),
]
const textOf = (html: string) => plain(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
const linksOf = (html: string) =>
  [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, name]) => [href, name])

describe('counts in words', () => {
  test('Russian declines the noun for the number', () => {
    const said = [1, 2, 5, 11, 21, 22, 25, 4691].map((n) => plain(countPlaces(n, 'ru')))
    assert.deepEqual(said, [
      '1 населённый пункт',
      '2 населённых пункта',
      '5 населённых пунктов',
      '11 населённых пунктов',
      '21 населённый пункт',
      '22 населённых пункта',
      '25 населённых пунктов',
      '4 691 населённый пункт',
    ])
  })

  test('English: one place, many places', () => {
    assert.deepEqual(
      [1, 2, 16742].map((n) => plain(countPlaces(n, 'en'))),
      ['1 place', '2 places', '16,742 places'],
    )
  })
})

describe('the list of a name’s places', () => {
  test('each candidate with its region, country and people, linking its page, largest first', () => {
    const html = search.namesakes('/city/Springfield', SPRINGFIELDS, 'en')
    assert.match(html, /<title>Places named Springfield<\/title>/)
    assert.match(html, /<h1>Places named Springfield<\/h1>/)
    assert.match(textOf(html), /3 places, the largest first/)
    assert.deepEqual(linksOf(html), [
      ['/city/Springfield/US/Missouri', 'Springfield'],
      ['/city/Springfield/US/Massachusetts', 'Springfield'],
      ['/city/Springfield/US/Illinois', 'Springfield'],
    ])
    assert.match(textOf(html), /Springfield Missouri, United States · 166,810/)
    assert.match(html, /<a href="\/city\/Springfield\?lang=ru" hreflang="ru"/)
  })

  test('in Russian: Russian names, declined count, links keep the language', () => {
    const html = search.namesakes('/city/Springfield', SPRINGFIELDS, 'ru')
    assert.match(html, /<h1>Населённые пункты с названием Спрингфилд<\/h1>/)
    assert.match(textOf(html), /3 населённых пункта, крупнейшие первыми/)
    assert.match(html, /<a href="\/city\/Springfield\/US\/Illinois\?lang=ru">Спрингфилд<\/a>/)
    assert.match(textOf(html), /Иллинойс, Соединенные Штаты · 116 565/)
  })
})

describe('a search’s pages', () => {
  test('answers: the query shown again, escaped, and each place linked', () => {
    const html = search.results('<Spring"field>', SPRINGFIELDS, false, 'en')
    assert.match(html, /<title>Search: &lt;Spring&quot;field&gt;<\/title>/)
    assert.match(html, /value="&lt;Spring&quot;field&gt;"/)
    assert.doesNotMatch(html, /<Spring/)
    assert.match(textOf(html), /3 places found, best match first/)
    assert.doesNotMatch(textOf(html), /narrow/)
    assert.equal(linksOf(html).length, 3)
    assert.match(
      html,
      /<a href="\/search\?q=%3CSpring%22field%3E&amp;lang=ru" hreflang="ru"/,
      'the switch keeps the query',
    )
  })

  test('a cut list says how to narrow it', () => {
    const html = search.results('s', SPRINGFIELDS, true, 'ru')
    assert.match(textOf(html), /Показаны лучшие 3: уточните название/)
  })

  test('none: check the spelling, and a way to every city', () => {
    for (const [language, words, link] of [
      ['en', /Check the spelling/, /<a href="\/cities">Choose from every city and country<\/a>/],
      ['ru', /Проверьте написание/, /<a href="\/cities\?lang=ru">Выбрать из всех/],
    ] as const) {
      const html = search.none('Qwxzv', language)
      assert.match(textOf(html), words)
      assert.match(html, link)
      assert.match(html, /value="Qwxzv"/)
    }
  })

  test('a bad query: what the search takes, in the page’s language, echoing nothing', () => {
    assert.match(textOf(search.bad('en')), /Search takes one name, 1 to 100 characters long/)
    assert.match(textOf(search.bad('ru')), /от 1 до 100 символов/)
    assert.match(search.bad('ru'), /<html lang="ru">/)
    assert.match(search.bad('en'), /value=""/)
  })
})

describe('a country’s page', () => {
  const page = createCountryPage(assets)
  const many = Array.from({ length: COUNTRY_PAGE_SIZE }, (_, i) => ({
    ...KAZAN,
    name: `Place ${i}`,
    path: `/city/Place_${i}`,
  }))

  test('its places by population, without the country on each line', () => {
    const html = page(
      { code: 'RU', names: KAZAN.countryName, places: [KAZAN], total: 1, page: 1 },
      'ru',
    )
    assert.match(html, /<h1>Россия: время в каждом населённом пункте<\/h1>/)
    assert.match(textOf(html), /1 населённый пункт, крупнейшие первыми/)
    assert.match(
      plain(html),
      /<li><a href="\/city\/Kazan\?lang=ru">Казань<\/a> <span>Татарстан · 1 243 500<\/span>/,
    )
    assert.doesNotMatch(html, /class="pager"/)
  })

  test('a long country: the range shown, numbered from where the page starts, every page linked', () => {
    const total = 2 * COUNTRY_PAGE_SIZE + 42
    const html = page(
      { code: 'US', names: { en: 'United States', ru: 'США' }, places: many, total, page: 2 },
      'en',
    )
    assert.match(textOf(html), /Places 501–1,000 of 1,042/)
    assert.match(html, /<ol class="places" start="501">/)
    const pager = /<nav class="pager" aria-label="Pages">(.*?)<\/nav>/.exec(html)?.[1] ?? ''
    assert.deepEqual(
      [...pager.matchAll(/href="([^"]+)"( aria-current="page")?/g)].map(
        ([, href, now]) => `${href}${now ? ' *' : ''}`,
      ),
      ['/country/US', '/country/US/2 *', '/country/US/3'],
    )
    assert.match(html, /<a href="\/country\/US\/2\?lang=ru" hreflang="ru"/)
  })

  test('a place with no region or people shows only its name', () => {
    const html = page(
      { code: 'PL', names: NAMELESS.countryName, places: [NAMELESS], total: 1, page: 1 },
      'en',
    )
    assert.match(html, /<li><a href="\/city\/Brzeg_Dolny">Brzeg Dolny<\/a><\/li>/)
  })
})

describe('the index and the error page', () => {
  test('the index links each country’s page, sorted by name in the page’s language', () => {
    const countries = [
      { code: 'DE', names: { en: 'Germany', ru: 'Германия' } },
      { code: 'AT', names: { en: 'Austria', ru: 'Австрия' } },
      { code: 'RU', names: { en: 'Russia', ru: 'Россия' } },
    ]
    const cities = createCitiesPage({ zones: ['Asia/Tokyo'], assets, countries: () => countries })
    const part = (language: 'en' | 'ru') =>
      cities(language).split('<section id="countries">')[1] ?? ''
    assert.deepEqual(
      linksOf(part('en')).map(([, name]) => name),
      ['Austria', 'Germany', 'Russia'],
    )
    assert.deepEqual(linksOf(part('ru')), [
      ['/country/AT?lang=ru', 'Австрия'],
      ['/country/DE?lang=ru', 'Германия'],
      ['/country/RU?lang=ru', 'Россия'],
    ])
    assert.match(cities('en'), /<form id="search"/)
  })

  test('the error page carries the search form too', () => {
    const { html } = createErrorPage({ timeZone: 'Europe/Moscow' })({
      status: 404,
      lang: 'ru',
      acceptLanguage: undefined,
    })
    assert.match(html, /<form id="search"[^>]*action="\/search"/)
    assert.match(html, /name="lang" value="ru"/)
  })
})
