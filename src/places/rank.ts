// How search ranks a place (docs/places.md, "Ranking"): each kind of match counts the place as 8
// times smaller than the kind before, so that 8 times the people climbs one kind; all of it in one
// number, smaller first.

/**
 * How well a name matches, best first: the whole name (its own, then an alternate), the name's
 * beginning (own, alternate), a later word's beginning ("York" in New York).
 */
export const MATCH = {
  exact: 0,
  exactAlternate: 1,
  prefix: 2,
  prefixAlternate: 3,
  word: 4,
} as const
export type Match = (typeof MATCH)[keyof typeof MATCH]

/**
 * What each kind of match costs, as a factor of population: a place this many times as populous
 * as another climbs one kind above it (own name over an alternate: Köln, 963,395, by its name
 * "Cologne" over Cologne, Italy, 7,032), its square two kinds, one tier (a name's beginning over a
 * whole name: Moscow by "Mos" over Mos, Spain, 14,650). Fewer: Spring, Texas (54,298) stays above
 * Springfield, Missouri (166,810) for "Spring".
 */
const MATCH_FACTOR = 8
// Populations count by their base-2 logarithm in sixteenths (steps of 4.4 %).
const STEPS_PER_DOUBLING = 16
const MATCH_STEPS = Math.log2(MATCH_FACTOR) * STEPS_PER_DOUBLING
/** Below the index's cut-off, and where GeoNames gives none (a seat's 0), a place counts as 1,000. */
const LEAST_POPULATION = 1000
// Keeps the size part of a score above 0 up to 2^31 people.
const SIZE_CEILING = 31 * STEPS_PER_DOUBLING

/** A place's size as a score counts it, 159 (1,000 people or fewer) to 496 (2^31). */
export const sizeOf = (population: number): number =>
  Math.round(Math.log2(Math.max(population, LEAST_POPULATION)) * STEPS_PER_DOUBLING)

/** Every place's sizeOf, by index (rank), from its population. */
export const sizesOf = (size: number, population: (index: number) => number): Uint16Array => {
  const sizes = new Uint16Array(size)
  for (let i = 0; i < size; i++) sizes[i] = sizeOf(population(i))
  return sizes
}

const MATCHES = 8
// Above the index's place count (141,011): a score's low part is the place's rank.
const PLACE_SPAN = 1 << 22

/**
 * One number that orders places as search shows them: the match's cost less the size first, then
 * the match itself (between places in the same step of size: own before alternate, whole before
 * beginning), then the rank (the larger first). Below 2^35: safe as a double and a file varint.
 */
export const scoreOf = (match: Match, size: number, place: number): number =>
  ((match * MATCH_STEPS + SIZE_CEILING - size) * MATCHES + match) * PLACE_SPAN + place

export const placeOf = (score: number): number => score % PLACE_SPAN

export const matchOf = (score: number): Match => (Math.floor(score / PLACE_SPAN) % MATCHES) as Match
