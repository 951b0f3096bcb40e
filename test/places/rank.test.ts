import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MATCH, type Match, matchOf, placeOf, scoreOf, sizeOf } from '../../src/places/rank.ts'

/** Which of two places, as (match, population, rank), search shows first. */
const firstOf = (a: [Match, number, number], b: [Match, number, number]) => {
  const score = ([match, population, rank]: [Match, number, number]) =>
    scoreOf(match, sizeOf(population), rank)
  return score(a) < score(b) ? 'a' : 'b'
}

test('an own whole name wins among places of like size; 8 times the people climbs one kind', () => {
  // Cologne: Köln by its English name, Cologne (Italy) by its own.
  assert.equal(firstOf([MATCH.exactAlternate, 963_395, 500], [MATCH.exact, 7_032, 40_000]), 'a')
  assert.equal(firstOf([MATCH.exactAlternate, 60_000, 500], [MATCH.exact, 10_000, 4_000]), 'b')
  assert.equal(firstOf([MATCH.exactAlternate, 90_000, 500], [MATCH.exact, 10_000, 4_000]), 'a')
  // A beginning needs 64 times the people to pass a whole own name: Moscow and Mos, Spain.
  assert.equal(firstOf([MATCH.prefix, 10_381_222, 1], [MATCH.exact, 14_650, 30_000]), 'a')
  assert.equal(firstOf([MATCH.prefix, 166_810, 900], [MATCH.exact, 54_298, 3_000]), 'b')
  // A later word, 4,096 times: York before New York City for "York".
  assert.equal(firstOf([MATCH.word, 8_804_190, 20], [MATCH.exact, 156_135, 800]), 'b')
  // The same match: the larger first, however close.
  assert.equal(firstOf([MATCH.prefix, 1_001, 70_000], [MATCH.prefix, 1_000, 70_001]), 'a')
})

test('a place of unknown population counts as 1,000', () => {
  assert.equal(sizeOf(0), sizeOf(1_000))
  assert.ok(sizeOf(2_000) > sizeOf(1_000))
})

test('a score gives back its place and its match', () => {
  for (const match of Object.values(MATCH)) {
    const score = scoreOf(match, sizeOf(2_147_483_647), 141_010)
    assert.ok(Number.isSafeInteger(score))
    assert.deepEqual([placeOf(score), matchOf(score)], [141_010, match])
  }
})
