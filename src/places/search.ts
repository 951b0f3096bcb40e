// Place search: every place whose name, in any of its forms, the query begins, best first.
import { KIND, KINDS } from './index-file.ts'
import { type KeyTable, keyAt, keyLength, lowerBound, startsWithQuery } from './key-table.ts'
import { FOREIGN, foldName } from './normalize.ts'
import type { Place, PlaceIndex } from './place-index.ts'

export const DEFAULT_LIMIT = 10
export const MAX_LIMIT = 50

/**
 * How well a name matches, best first: the whole name (its own, then an alternate), the name's
 * beginning (own, alternate), a later word's beginning ("York" in New York). Population breaks
 * ties: a place's index is its rank by population.
 */
export const MATCH = {
  exact: 0,
  exactAlternate: 1,
  prefix: 2,
  prefixAlternate: 3,
  word: 4,
} as const

// A score is match * PLACE_SPAN + place index: one number orders by both.
const PLACE_SPAN = 1 << 22
// Past this many keys a prefix's answer is worked out in advance (the file's tops, findTops): "м"
// or "san" would walk tens of thousands.
export const HEAVY_RANGE = 400
const MAX_KEY_CHAR = '\u0100'

export type PlaceSearch = {
  /** The places matching `query`, best first, at most `limit` (1..MAX_LIMIT). */
  search(query: string, limit?: number): Place[]
  /** As search, with each place's match (MATCH). */
  searchScored(query: string, limit?: number): Array<{ place: Place; match: number }>
}

export const createPlaceSearch = (index: PlaceIndex): PlaceSearch => {
  const heavy = new Map<string, readonly number[]>()
  const scoresOf = (key: string, limit: number): number[] => {
    const table = index.keys
    const start = lowerBound(table, key)
    if (start >= table.starts.length - 1 || !startsWithQuery(table, start, key)) return []
    const end = lowerBound(table, key + MAX_KEY_CHAR)
    if (end - start < HEAVY_RANGE) return rankKeys(table, key, start, end, limit)
    let kept = index.tops.get(key) ?? heavy.get(key)
    if (!kept) {
      kept = rankKeys(table, key, start, end, MAX_LIMIT)
      heavy.set(key, kept)
    }
    return kept.slice(0, limit)
  }
  const searchScored = (query: string, limit = DEFAULT_LIMIT) => {
    const key = foldName(query)
    if (key === '' || key.includes(FOREIGN)) return []
    const count = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(limit)))
    return scoresOf(key, count).map((score) => ({
      place: index.place(score % PLACE_SPAN),
      match: Math.floor(score / PLACE_SPAN),
    }))
  }
  return {
    search: (query, limit) => searchScored(query, limit).map(({ place }) => place),
    searchScored,
  }
}

/** The best `limit` scores of keys start..end, each place once. */
export const rankKeys = (
  table: KeyTable,
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
      const match =
        kind === KIND.word
          ? MATCH.word
          : (exact ? MATCH.exact : MATCH.prefix) + (kind === KIND.alternate ? 1 : 0)
      const score = match * PLACE_SPAN + (posting - kind) / KINDS
      if (best.length < limit || score < (best[best.length - 1] as number)) keep(best, score, limit)
    }
  }
  return best
}

/** Puts a score in the sorted list, replacing a worse score of the same place, then trims it. */
const keep = (best: number[], score: number, limit: number) => {
  const place = score % PLACE_SPAN
  for (let i = 0; i < best.length; i++) {
    if ((best[i] as number) % PLACE_SPAN !== place) continue
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
export const findTops = (table: KeyTable): Map<string, number[]> => {
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
        tops.set(prefix, rankKeys(table, prefix, start, end, MAX_LIMIT))
        found = true
      }
      start = end
    }
  }
  return tops
}
