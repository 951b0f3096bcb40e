// Range entries as the table stores them: zones ranked by use, starts bucketed by head, codes a byte.
import {
  type BucketedRanges,
  FIRST_SPECIAL_CODE,
  NO_ZONE,
  NO_ZONE_CODE,
  RARE_CODE,
  SPLIT,
  SPLIT_CODE,
} from '../../src/ip/ip-zones-table.ts'

/** A range's start as its head (high bits) and 16-bit low part, and its zone index. */
export type Entry = [head: number, low: number, zone: number]

/**
 * The most frequent zones first, so that nearly every range's zone fits in its byte: `ranked`
 * lists the old indexes in their new order, `rerank` maps an old index (or NO_ZONE, SPLIT) on.
 */
export function rankZones(count: number, entries: readonly Entry[]) {
  const uses = new Array<number>(count).fill(0)
  for (const [, , zone] of entries) {
    if (zone < SPLIT) uses[zone] = (uses[zone] as number) + 1
  }
  const ranked = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (uses[b] as number) - (uses[a] as number) || a - b,
  )
  const rankOf = new Uint16Array(count)
  ranked.forEach((old, rank) => {
    rankOf[old] = rank
  })
  const rerank = (zone: number) => (zone < SPLIT ? (rankOf[zone] as number) : zone)
  return { ranked, rerank }
}

/** Sorted entries as BucketedRanges: grouped by head, zones coded in a byte, the rare listed. */
export function toBuckets(entries: Entry[], rerank: (zone: number) => number): BucketedRanges {
  const heads: number[] = []
  const firsts: number[] = []
  const rareAt: number[] = []
  const rareZones: number[] = []
  const codes = new Uint8Array(entries.length)
  entries.forEach(([head, , old], i) => {
    if (heads.at(-1) !== head) {
      heads.push(head)
      firsts.push(i)
    }
    const zone = rerank(old)
    if (zone === NO_ZONE) codes[i] = NO_ZONE_CODE
    else if (zone === SPLIT) codes[i] = SPLIT_CODE
    else if (zone < FIRST_SPECIAL_CODE) codes[i] = zone
    else {
      codes[i] = RARE_CODE
      rareAt.push(i)
      rareZones.push(zone)
    }
  })
  firsts.push(entries.length)
  return {
    heads: Uint32Array.from(heads),
    firsts: Uint32Array.from(firsts),
    lows: Uint16Array.from(entries, ([, low]) => low),
    codes,
    rareAt: Uint32Array.from(rareAt),
    rareZones: Uint16Array.from(rareZones),
  }
}
