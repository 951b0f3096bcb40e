// Place search: every place whose name, in any of its forms, the query begins, best first
// (rank.ts: the kind of match, weighed against population).
import { KIND, KINDS } from './index-file.ts'
import {
  findKey,
  type KeyTable,
  keyAt,
  keyLength,
  lowerBound,
  startsWithQuery,
} from './key-table.ts'
import { FOREIGN, foldName } from './normalize.ts'
import type { Place, PlaceIndex } from './place-index.ts'
import { MATCH, type Match, matchOf, placeOf, scoreOf, sizesOf } from './rank.ts'

export { MATCH, type Match } from './rank.ts'

export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50

// Past this many keys a prefix's answer is worked out in advance (the file's tops, findTops): "м"
// or "san" would walk tens of thousands.
const HEAVY_RANGE = 400
const MAX_KEY_CHAR = '\u0100'

export type Scored = { place: Place; match: Match }

export type PlaceSearch = {
  /** The places matching `query`, best first, at most `limit` (1..MAX_LIMIT). */
  search(query: string, limit?: number): Place[]
  /** As search, with each place's match (MATCH). */
  searchScored(query: string, limit?: number): Scored[]
  /**
   * The place that bears all of `query` as a name, whatever its size: the largest whose own name
   * it is, else the largest whose other name it is. What /city/Kiev and /city/Казань are.
   */
  wholeName(query: string): Scored | undefined
}

export const createPlaceSearch = (index: PlaceIndex): PlaceSearch => {
  const heavy = new Map<string, readonly number[]>()
  let sizes: Uint16Array | undefined
  const scoresOf = (key: string, limit: number): readonly number[] => {
    const table = index.keys
    const start = lowerBound(table, key)
    if (start >= table.starts.length - 1 || !startsWithQuery(table, start, key)) return []
    const end = lowerBound(table, key + MAX_KEY_CHAR)
    sizes ??= sizesOf(index.size, index.population)
    if (end - start < HEAVY_RANGE) return rankKeys(table, sizes, key, start, end, limit)
    let kept = index.tops.get(key) ?? heavy.get(key)
    if (!kept) {
      kept = rankKeys(table, sizes, key, start, end, MAX_LIMIT)
      heavy.set(key, kept)
    }
    return kept.slice(0, limit)
  }
  const searchScored = (query: string, limit = DEFAULT_LIMIT) => {
    const key = foldName(query)
    if (key === '' || key.includes(FOREIGN)) return []
    const count = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(limit)))
    return scoresOf(key, count).map((score) => ({
      place: index.place(placeOf(score)),
      match: matchOf(score),
    }))
  }
  return {
    search: (query, limit) => searchScored(query, limit).map(({ place }) => place),
    searchScored,
    wholeName: (query) => findWholeName(index, query),
  }
}

/** The place whose whole name (an own one first, else an alternate) the query is. */
export const findWholeName = (index: PlaceIndex, query: string): Scored | undefined => {
  const key = foldName(query)
  const number = key === '' || key.includes(FOREIGN) ? -1 : findKey(index.keys, key)
  if (number < 0) return undefined
  const { postings, postingStarts } = index.keys
  let best = -1
  // Postings rise by place, then kind: the first own one, else the first alternate.
  for (let p = postingStarts[number] as number; p < (postingStarts[number + 1] as number); p++) {
    const posting = postings[p] as number
    const kind = posting % KINDS
    if (kind === KIND.primary) return ownOrOther(index, posting)
    if (kind === KIND.alternate && best < 0) best = posting
  }
  return best < 0 ? undefined : ownOrOther(index, best)
}

const ownOrOther = (index: PlaceIndex, posting: number): Scored => ({
  place: index.place(Math.floor(posting / KINDS)),
  match: posting % KINDS === KIND.primary ? MATCH.exact : MATCH.exactAlternate,
})

/** The best `limit` scores of keys start..end, each place once; `sizes` by place (sizesOf). */
export const rankKeys = (
  table: KeyTable,
  sizes: Uint16Array,
  key: string,
  start: number,
  end: number,
  limit: number,
): number[] => {
  const { postingStarts, postings } = table
  const best: number[] = []
  for (let i = start; i < end; i++) {
    const exact = keyLength(table, i) === key.length
    const last = postingStarts[i + 1] as number
    for (let p = postingStarts[i] as number; p < last; p++) {
      const posting = postings[p] as number
      const kind = posting % KINDS
      const match: Match =
        kind === KIND.word
          ? MATCH.word
          : kind === KIND.alternate
            ? exact
              ? MATCH.exactAlternate
              : MATCH.prefixAlternate
            : exact
              ? MATCH.exact
              : MATCH.prefix
      const place = (posting - kind) / KINDS
      const score = scoreOf(match, sizes[place] as number, place)
      if (best.length < limit || score < (best[best.length - 1] as number)) keep(best, score, limit)
    }
  }
  return best
}

/** Puts a score in the sorted list, replacing a worse score of the same place, then trims it. */
const keep = (best: number[], score: number, limit: number) => {
  const place = placeOf(score)
  for (let i = 0; i < best.length; i++) {
    if (placeOf(best[i] as number) !== place) continue
    if ((best[i] as number) <= score) return
    best.splice(i, 1)
    break
  }
  let at = best.length
  while (at > 0 && (best[at - 1] as number) > score) at--
  best.splice(at, 0, score)
  if (best.length > limit) best.pop()
}

/** Every prefix spanning HEAVY_RANGE keys or more, with its best MAX_LIMIT scores. */
export const findTops = (table: KeyTable, sizes: Uint16Array): Map<string, number[]> => {
  const tops = new Map<string, number[]>()
  const keys = table.starts.length - 1
  for (let depth = 1, found = true; found; depth++) {
    found = false
    for (let start = 0; start < keys; ) {
      const prefix = keyAt(table, start).slice(0, depth)
      let end = start + 1
      // A key shorter than the depth begins no prefix of it.
      if (prefix.length < depth) {
        start = end
        continue
      }
      while (end < keys && keyAt(table, end).startsWith(prefix)) end++
      if (end - start >= HEAVY_RANGE) {
        tops.set(prefix, rankKeys(table, sizes, prefix, start, end, MAX_LIMIT))
        found = true
      }
      start = end
    }
  }
  return tops
}
