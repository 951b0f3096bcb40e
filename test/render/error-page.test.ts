import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createErrorPage } from '../../src/render/error-page.ts'

const moscow = createErrorPage({ timeZone: 'Europe/Moscow' })
const notFound = (acceptLanguage?: string, lang?: string) =>
  moscow({ status: 404, lang, acceptLanguage })

describe('the error page', () => {
  test('speaks Russian to a Russian Accept-Language', () => {
    const { language, html } = notFound('ru-RU,ru;q=0.9,en;q=0.5')
    assert.equal(language, 'ru')
    assert.match(html, /<html lang="ru">/)
    assert.match(html, /<title>404 Страница не найдена<\/title>/)
    assert.match(html, /<h1>Страница не найдена<\/h1>/)
    assert.match(html, /<a href="\/\?lang=ru">Время в Москве<\/a>/)
    assert.match(html, /<a href="\/cities\?lang=ru">Все города<\/a>/)
    assert.doesNotMatch(html, /Moscow|Not found/)
  })

  test('in English by default, and ?lang= wins over the header, as on every page', () => {
    const { language, html } = notFound()
    assert.equal(language, 'en')
    assert.match(html, /<html lang="en">/)
    assert.match(html, /<h1>Not found<\/h1>/)
    assert.match(html, /<a href="\/">Time in Moscow<\/a> · <a href="\/cities">All cities<\/a>/)
    assert.equal(notFound('ru', 'en').language, 'en')
    assert.equal(notFound('en', 'ru').language, 'ru')
  })

  test('names the configured zone’s city, whatever it is', () => {
    const tokyo = createErrorPage({ timeZone: 'Asia/Tokyo' })
    assert.match(
      tokyo({ status: 404, lang: undefined, acceptLanguage: 'en' }).html,
      /Time in Tokyo/,
    )
    assert.match(tokyo({ status: 404, lang: 'ru', acceptLanguage: undefined }).html, /в Токио/)
  })

  test('says each status the service answers, and a plain "Error" for any other', () => {
    const page = (status: number, lang: string) =>
      moscow({ status, lang, acceptLanguage: undefined }).html
    assert.match(page(405, 'en'), /<h1>Method not allowed<\/h1>/)
    assert.match(page(413, 'ru'), /<h1>Слишком большой запрос<\/h1>/)
    assert.match(page(418, 'en'), /<title>418 Error<\/title>/)
    assert.match(page(418, 'ru'), /<h1>Ошибка<\/h1>/)
  })

  test('never echoes the request', () => {
    const { html } = notFound('<script>', '"><script>')
    assert.doesNotMatch(html, /<script|&lt;script/)
  })
})
