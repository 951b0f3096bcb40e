// The place index's look-up sections (docs/places.md, "The index"): the answers of the heaviest
// prefixes, worked out by search.ts's own ranking, and the places whose page path's name is none
// of their keys.
import { createByteWriter } from '../../src/places/bytes.ts'
import {
  KIND,
  KINDS,
  namesakeKey,
  type PlaceRecord,
  pathKeyOf,
} from '../../src/places/index-file.ts'
import { findKey, type KeyTable } from '../../src/places/key-table.ts'

/** Each prefix (a one-byte string) with its scores, rising, as differences. */
export const topsOf = (tops: ReadonlyMap<string, readonly number[]>) => {
  const writer = createByteWriter()
  writer.uint(tops.size)
  for (const [prefix, scores] of tops) {
    writer.section(Buffer.from(prefix, 'latin1'))
    writer.uint(scores.length)
    scores.forEach((score, i) => {
      writer.uint(i === 0 ? score : score - (scores[i - 1] as number))
    })
  }
  return writer.finish()
}

/**
 * The ranks of places whose path key is none of their own keys (namesakeKey in index-file.ts),
 * rising, as differences: the places of the file's order (`filed`) with their ranks.
 */
export const oddPathsOf = (table: KeyTable, filed: readonly PlaceRecord[], rankAt: Int32Array) =>
  risingOf(findOddPaths(table, filed, rankAt))

const findOddPaths = (table: KeyTable, filed: readonly PlaceRecord[], rankAt: Int32Array) =>
  filed
    .map((place, position) => {
      const rank = rankAt[position] as number
      const key = findKey(table, namesakeKey(pathKeyOf(place.path)))
      const own = rank * KINDS + KIND.primary
      const { postings, postingStarts } = table
      const mine =
        key < 0 ? new Int32Array(0) : postings.subarray(postingStarts[key], postingStarts[key + 1])
      return mine.includes(own) ? -1 : rank
    })
    .filter((rank) => rank >= 0)
    .sort((a, b) => a - b)

const risingOf = (numbers: readonly number[]) => {
  const writer = createByteWriter()
  writer.uint(numbers.length)
  numbers.forEach((n, i) => {
    writer.uint(i === 0 ? n : n - (numbers[i - 1] as number))
  })
  return writer.finish()
}
