import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { PAGE_ATTRIBUTES } from '../../src/page-contract/ids.ts'
import {
  type PageData,
  parseChanges,
  readPageData,
  writePageData,
} from '../../src/page-contract/page-data.ts'

const moscow: PageData = {
  api: '/api/timezone/Europe/Moscow',
  city: 'Москва',
  cityIn: 'в Москве',
  abbreviation: 'МСК',
  offsetMinutes: 180,
  untilMs: null,
  ms: 1_795_785_631_123,
  changes: [[1_806_195_600_000, 240]],
}

/** An element's getAttribute over the attributes the server wrote. */
const attributesOf = (data: PageData) => {
  const written = new Map(writePageData(data))
  return (name: string) => written.get(name) ?? null
}

describe('the page’s data: what the server writes, the script reads', () => {
  test('reads back exactly what was written', () => {
    assert.deepEqual(readPageData(attributesOf(moscow)), moscow)
    const havana = {
      ...moscow,
      api: '/api/timezone/America/Havana',
      offsetMinutes: -240,
      untilMs: 1,
    }
    assert.deepEqual(readPageData(attributesOf(havana)), havana)
  })

  test('writes only the names of the contract, each once', () => {
    const names = writePageData(moscow).map(([name]) => name)
    assert.deepEqual(names.toSorted(), Object.values(PAGE_ATTRIBUTES).toSorted())
  })

  test('without a readable offset there is nothing for the script to keep', () => {
    const withoutOffset = (name: string) =>
      name === PAGE_ATTRIBUTES.offset ? null : attributesOf(moscow)(name)
    assert.equal(readPageData(withoutOffset), undefined)
    const garbled = (name: string) =>
      name === PAGE_ATTRIBUTES.offset ? 'soon' : attributesOf(moscow)(name)
    assert.equal(readPageData(garbled), undefined)
  })
})

describe('parseChanges', () => {
  test('reads data-changes, and refuses anything else', () => {
    assert.deepEqual(parseChanges('[[1800000000000,60]]'), [[1_800_000_000_000, 60]])
    for (const bad of [undefined, '', '{', '{"a":1}', '[[1]]', '[["1",60]]', '[[1,null]]'])
      assert.deepEqual(parseChanges(bad), [], String(bad))
  })
})
