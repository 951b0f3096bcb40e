import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { brotliCompressSync } from 'node:zlib'
import type { Language } from '../../src/i18n/languages.ts'
import { cityOf } from '../../src/render/city.ts'
import { escapeHtml } from '../../src/render/escape.ts'
import { createPageRenderer } from '../../src/render/page.ts'
import type { PageModel } from '../../src/render/page-model.ts'
import { createTimeDescriber, type TimeInfo } from '../../src/time/time-info.ts'
import { FIXED_INSTANT, plain } from '../fixtures.ts'

const assets = {
  script: '/assets/clock.0123abcd.js',
  style: '/assets/clock.4567ef01.css',
  icon: '/assets/icon.89abcdef.svg',
}
const describeTime = createTimeDescriber()
const moscow = describeTime(Temporal.Instant.from(FIXED_INSTANT), 'Europe/Moscow')
const renderPage = createPageRenderer({ assets })
const modelOf = (
  time: TimeInfo,
  language: Language,
  extra: Partial<PageModel> = {},
): PageModel => ({
  time,
  zone: time.timezone,
  city: cityOf(time.timezone, language),
  path: '/',
  untilMs: null,
  changes: [],
  context: [],
  ...extra,
})
const render = (time: TimeInfo, language: Language, extra: Partial<PageModel> = {}) =>
  renderPage(modelOf(time, language, extra), language)

const textOf = (html: string, id: string) =>
  new RegExp(`id="${id}"[^>]*>(.*?)</p>`).exec(html)?.[1]?.replace(/<[^>]+>/g, '')

describe('the page in English', () => {
  const html = render(moscow, 'en')

  test('shows the time, date, weekday and zone in a time element', () => {
    assert.match(html, /<html lang="en"/)
    assert.match(html, /<title>Exact time in Moscow<\/title>/)
    assert.match(html, /<h1>Time in Moscow<\/h1>/)
    assert.match(html, /<time id="time" datetime="2026-11-27T16:20:31\+03:00">/)
    assert.equal(textOf(html, 'time'), '16:20:31')
    assert.match(html, /<span id="hm">16:20<\/span><span class="sec">:<span id="ss">31<\/span>/)
    assert.equal(textOf(html, 'date'), 'Friday, 27 November 2026')
    assert.equal(textOf(html, 'zone'), 'MSK · UTC+03:00')
  })

  test('hands the script the zone, its offset and next transition from tzdb, and the instant', () => {
    assert.match(html, /data-api="\/api\/timezone\/Europe\/Moscow"/)
    assert.match(html, /data-offset="180" data-until=""/)
    const havana = describeTime(Temporal.Instant.from('2026-11-28T12:00:00Z'), 'America/Havana')
    const until = Date.UTC(2027, 10, 7, 5)
    assert.match(
      render(havana, 'en', { untilMs: until }),
      new RegExp(`data-offset="-240" data-until="${until}"`),
    )
    assert.match(html, /data-ms="1795785631123"/)
    assert.match(html, /data-city="Moscow" data-city-in="in Moscow"/)
  })

  test('credits DB-IP, as its licence asks', () => {
    assert.match(html, /<a href="https:\/\/db-ip.com">IP Geolocation by DB-IP<\/a>/)
  })

  test('links both languages on its own path, marks the current one, and links the index', () => {
    assert.match(html, /<a href="\/\?lang=en" hreflang="en" lang="en" aria-current="page">English/)
    assert.match(html, /<a href="\/\?lang=ru" hreflang="ru" lang="ru">Русский/)
    assert.match(html, /<a href="\/cities">All cities<\/a>/)
    const tokyo = render(
      describeTime(Temporal.Instant.from('2026-11-27T13:20:31Z'), 'Asia/Tokyo'),
      'en',
      {
        path: '/Asia/Tokyo',
      },
    )
    assert.match(tokyo, /<a href="\/Asia\/Tokyo\?lang=ru" hreflang="ru"/)
  })

  test("shows the day's context lines it is given", () => {
    const lines = ['UTC+3 all year', 'Sunrise 08:30 · sunset 16:07 · day 7 h 37 min']
    const withContext = render(moscow, 'en', { context: lines })
    assert.match(withContext, /<ul class="context"><li>UTC\+3 all year<\/li><li>Sunrise 08:30/)
  })
})

describe('the page in Russian', () => {
  const html = render(moscow, 'ru')

  test('is Russian throughout, with the date formatted for Russian', () => {
    assert.match(html, /<html lang="ru"/)
    assert.match(html, /<title>Точное время в Москве<\/title>/)
    assert.match(html, /<h1>Время в Москве<\/h1>/)
    assert.equal(textOf(html, 'date'), 'пятница, 27 ноября 2026 г.')
    assert.match(html, /<a href="\/\?lang=ru" hreflang="ru" lang="ru" aria-current="page">/)
    // Russian writes Moscow's abbreviation in Cyrillic.
    assert.equal(textOf(html, 'zone'), 'МСК · UTC+03:00')
    assert.match(html, /<nav aria-label="Язык">/)
  })
})

describe('the page in any language', () => {
  for (const language of ['en', 'ru'] as const) {
    const html = render(moscow, language)

    test(`${language}: fits in 10 KB`, () => {
      assert.ok(Buffer.byteLength(html) < 10_000, `${Buffer.byteLength(html)} bytes`)
    })

    test(`${language}: loads one script and one stylesheet, by the given URLs, nothing inline`, () => {
      assert.deepEqual(
        [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]),
        [`<script type="module" src="${assets.script}">`],
      )
      assert.deepEqual(
        [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]),
        [`<link rel="stylesheet" href="${assets.style}">`],
      )
      assert.match(html, new RegExp(`<link rel="icon" href="${assets.icon}"`))
      assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=|javascript:/i)
    })
  }

  test('announces the sync result to screen readers, but not every tick', () => {
    const html = render(moscow, 'en')
    assert.deepEqual(
      [...html.matchAll(/<[^>]*(?:role="status"|aria-live)[^>]*>/g)].map((m) => m[0]),
      ['<p id="verdict" class="verdict slot" data-state="pending" role="status">'],
    )
  })

  test('renders every line the script fills, with its no-JS text, in the issue’s order', () => {
    const html = render(moscow, 'en', { context: ['UTC+3 all year'] })
    const order = [
      'id="time"',
      'id="verdict"',
      'id="fix"',
      'id="date"',
      'id="zone"',
      'id="diff"',
      'class="context"',
      'id="relative"',
    ].map((mark) => html.indexOf(mark))
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))),
      order.join(),
    )
    assert.match(
      html,
      /<span id="verdict-text"><span class="mark" aria-hidden="true"><\/span>Turn on JavaScript to check your clock<\/span>/,
    )
    // With JavaScript off the fix line's place says why the time stands still.
    assert.match(html, /<span id="fix"><\/span><noscript>This is the time when the page loaded\./)
    assert.match(html, /<span id="diff"><\/span><span class="reserve"/)
    assert.match(html, /<span id="relative"><\/span><span class="reserve"/)
  })

  test('reserves room for the longest text of each line, hidden from everyone', () => {
    const html = render(moscow, 'en')
    const reserved = [
      ...html.matchAll(/<span class="reserve" aria-hidden="true">([^<]*)<\/span>/g),
    ].map((m) => plain(m[1]))
    for (const text of [
      'Checking your clock…',
      'Your clock is exact',
      'Could not check your clock',
      'Your clock is 99999 h 59 min 59 s fast',
      'Your clock is 3 min 59 s slow (± 2.6 s)',
      'To fix it: System Settings › General › Date &amp; Time › Set time automatically.',
      'The server did not answer; trying again soon.',
      // Moscow (UTC+3) against visitors from UTC-12 to UTC+14, on quarter hours.
      'Moscow is 14 hours 45 minutes ahead of you',
      'Moscow is 10 hours 15 minutes behind you',
      'You are on Moscow time',
      'From 28 September, Moscow is 14 hours 45 minutes ahead of you',
      'From 28 September, you are on Moscow time',
    ])
      assert.ok(reserved.includes(text), `${text} not in\n${reserved.join('\n')}`)
    // Nothing reserved twice.
    assert.equal(new Set(reserved).size, reserved.length)
  })

  test('reserves for the city’s coming offsets too', () => {
    // Kiritimati is UTC+14: no visitor is ahead of it, until a made-up change to UTC-12.
    const time = describeTime(Temporal.Instant.from('2026-11-27T13:20:31Z'), 'Pacific/Kiritimati')
    const plainHtml = plain(render(time, 'en'))
    assert.doesNotMatch(plainHtml, /Kiritimati is [^<]* behind you/)
    const changes = [{ atMs: Date.UTC(2026, 11, 1), offsetMinutes: -720 }]
    assert.match(
      plain(render(time, 'en', { changes })),
      // As long as any: "25 hours 45 minutes" or another of its length.
      /Kiritimati is \d\d hours \d\d minutes behind you/,
    )
  })

  test('hands the script the city’s coming changes as escaped JSON', () => {
    const changes = [{ atMs: Date.UTC(2027, 2, 28, 1), offsetMinutes: 60 }]
    assert.match(render(moscow, 'en', { changes }), /data-changes="\[\[1806195600000,60\]\]"/)
  })

  for (const language of ['en', 'ru'] as const) {
    test(`${language}: within 4 KB brotli, with a long name and all of the day's context`, () => {
      const zone = 'America/Argentina/ComodRivadavia'
      const time = describeTime(
        Temporal.Instant.from('2026-11-27T13:20:31Z'),
        'America/Argentina/Buenos_Aires',
      )
      const html = renderPage(
        modelOf(time, language, {
          zone,
          city: { name: 'Петропавловск-Камчатский', inName: 'в Петропавловске-Камчатском' },
          path: `/${zone}`,
          changes: [
            { atMs: Date.UTC(2026, 11, 1), offsetMinutes: -120 },
            { atMs: Date.UTC(2027, 0, 1), offsetMinutes: -180 },
          ],
          context: [
            'Clocks go forward 1 h to -02 on 1 December 2026',
            'Sunrise 05:36 · sunset 19:58 · day 14 h 22 min',
          ],
        }),
        language,
      )
      const size = brotliCompressSync(html).length
      assert.ok(size <= 4096, `${size} bytes brotli`)
    })
  }

  test('shows the date of the zone, not of UTC, across midnight', () => {
    const late = describeTime(Temporal.Instant.from('2026-12-31T21:00:00Z'), 'Europe/Moscow')
    const html = render(late, 'en')
    assert.equal(textOf(html, 'date'), 'Friday, 1 January 2027')
    assert.match(html, /<span id="hm">00:00<\/span>/)
  })

  test('names other zones after their location', () => {
    const zone = 'America/New_York'
    const html = render(describeTime(Temporal.Instant.from('2026-07-01T12:00:00Z'), zone), 'en')
    assert.match(html, /<h1>Time in New York<\/h1>/)
    assert.equal(textOf(html, 'zone'), 'EDT · UTC-04:00')
    const ru = render(describeTime(Temporal.Instant.from('2026-07-01T12:00:00Z'), zone), 'ru')
    assert.match(ru, /<h1>Время в Нью-Йорке<\/h1>/)
  })
})

describe('escaping', () => {
  test('escapes every character that could open markup or close an attribute', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&amp;</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })

  test('no value reaches the page unescaped', () => {
    const hostile = '<script>alert(1)</script>"\''
    const time: TimeInfo = { ...moscow, abbreviation: hostile, utc_offset: '+03:00"><b>' }
    const html = createPageRenderer({
      assets: { script: '/a.js"><script>x', style: '/a.css', icon: '/i.svg' },
    })(modelOf(time, 'en', { zone: 'Evil/<i>"zone', context: ['<b>day</b>'] }), 'en')
    assert.doesNotMatch(html, /<script>alert|<b>|<i>|"><script>x/)
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&#39;/)
    assert.match(html, /data-api="\/api\/timezone\/Evil\/&lt;i&gt;&quot;zone"/)
  })
})
