import assert from 'node:assert/strict'
import { test } from 'node:test'
import { LANGUAGE_PACKS } from '../../src/i18n/languages.ts'

// Every key path of a language, with the kind of value there: a string, a function, or a table.
const shapeOf = (value: unknown, path = ''): string[] => {
  if (typeof value === 'function') return [`${path}()`]
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => shapeOf(inner, `${path}.${key}`))
  return [`${path}:${typeof value}`]
}

test('every language has every string the first one has, and nothing else', () => {
  const [first, ...others] = Object.entries(LANGUAGE_PACKS)
  assert.ok(first && others.length > 0)
  // Plural tables differ by language (Russian has "few" and "many"); their "other" is required.
  const comparable = (shape: string[]) =>
    shape.filter((key) => !/\.(hours|minutes|[a-z]+Forms)\.(?!other)/.test(key)).sort()
  for (const [name, pack] of others) {
    assert.deepEqual(comparable(shapeOf(pack)), comparable(shapeOf(first[1])), name)
  }
})

test('no string is empty', () => {
  for (const [name, pack] of Object.entries(LANGUAGE_PACKS)) {
    for (const key of shapeOf(pack)) assert.ok(!key.endsWith(':undefined'), `${name}${key}`)
    const strings = JSON.stringify(pack, (_key, value) => (value === '' ? '<empty>' : value))
    assert.ok(!strings.includes('<empty>'), `${name} has an empty string`)
  }
})
