import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { chooseLanguage, languageFromHeader } from '../../src/render/language.ts'

describe('languageFromHeader', () => {
  test('takes the highest weighted of our languages', () => {
    assert.equal(languageFromHeader('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7'), 'ru')
    assert.equal(languageFromHeader('en-US,en;q=0.9,ru;q=0.8'), 'en')
    assert.equal(languageFromHeader('de-DE, ru;q=0.5, en;q=0.4'), 'ru')
    assert.equal(languageFromHeader('en;q=0.2, RU;q=0.7'), 'ru')
  })

  test('keeps the listed order on equal weights', () => {
    assert.equal(languageFromHeader('ru;q=0.5, en;q=0.5'), 'ru')
    assert.equal(languageFromHeader('en, ru'), 'en')
  })

  test('ignores refused, malformed and foreign ranges', () => {
    assert.equal(languageFromHeader('ru;q=0'), undefined)
    assert.equal(languageFromHeader('ru;q=oops, de'), undefined)
    assert.equal(languageFromHeader('fr-CA, de'), undefined)
    assert.equal(languageFromHeader(''), undefined)
    assert.equal(languageFromHeader(undefined), undefined)
  })

  test('reads a wildcard as English', () => {
    assert.equal(languageFromHeader('de, *;q=0.1'), 'en')
  })

  test('looks only at the start of an absurdly long header', () => {
    assert.equal(languageFromHeader(`${'de;q=0.1,'.repeat(100_000)}ru`), undefined)
  })
})

describe('chooseLanguage', () => {
  test('lets ?lang= override Accept-Language', () => {
    assert.equal(chooseLanguage('en', 'ru'), 'en')
    assert.equal(chooseLanguage('ru', 'en'), 'ru')
  })

  test('ignores a ?lang= that is not one of ours', () => {
    assert.equal(chooseLanguage('de', 'ru'), 'ru')
    assert.equal(chooseLanguage('<script>', undefined), 'en')
    assert.equal(chooseLanguage(['ru', 'en'], undefined), 'en')
    assert.equal(chooseLanguage('RU', undefined), 'en')
  })

  test('falls back to English', () => {
    assert.equal(chooseLanguage(undefined, undefined), 'en')
    assert.equal(chooseLanguage(undefined, 'ja'), 'en')
  })
})
