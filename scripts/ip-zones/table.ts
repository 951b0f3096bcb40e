// The IP table from both partitions: zone names indexed, IPv6 cut at /48s, the split ones listed whole.
import {
  type IpZonesSource,
  type IpZonesTable,
  NO_ZONE,
  SPLIT,
} from '../../src/ip/ip-zones-table.ts'
import { toWords } from './addresses.ts'
import { type Entry, rankZones, toBuckets } from './buckets.ts'
import type { Range } from './ranges.ts'

const LOW_80 = (1n << 80n) - 1n

/**
 * The table from both partitions. IPv6 is keyed by the top 48 bits; the few /48s inside which the
 * zone changes (DB-IP has ranges down to single addresses) are marked SPLIT and listed whole.
 */
export function buildTable(v4: Range[], v6: Range[], source: IpZonesSource): IpZonesTable {
  const names = [...new Set([...v4, ...v6].map((r) => r.zone))]
    .filter((zone) => zone !== undefined)
    .sort()
  if (names.length >= SPLIT) throw new Error(`${names.length} zones: too many for 16-bit indexes`)
  const indexOf = new Map(names.map((zone, i) => [zone, i]))
  const index = (zone: string | undefined) =>
    zone === undefined ? NO_ZONE : (indexOf.get(zone) ?? NO_ZONE)

  const { coarse, fine } = splitV6(v6, index)
  const v4Entries = v4.map(
    (r): Entry => [Number(r.start >> 16n), Number(r.start & 0xffffn), index(r.zone)],
  )
  const v6Entries = coarse.map(
    ([block, zone]): Entry => [Number(block >> 16n), Number(block & 0xffffn), zone],
  )
  const { ranked, rerank } = rankZones(names.length, [...v4Entries, ...v6Entries])

  const fineStarts = new Uint32Array(fine.length * 4)
  fine.forEach(([start], i) => {
    fineStarts.set(toWords(start, 128), i * 4)
  })
  return {
    source,
    zones: ranked.map((old) => names[old] as string),
    v4: toBuckets(v4Entries, rerank),
    v6: toBuckets(v6Entries, rerank),
    v6Fine: { starts: fineStarts, zones: Uint16Array.from(fine, ([, zone]) => rerank(zone)) },
  }
}

/** IPv6 by /48 (coarse), and the whole starts inside the /48s where the zone changes (fine). */
function splitV6(v6: Range[], index: (zone: string | undefined) => number) {
  const split = new Set(v6.filter((r) => (r.start & LOW_80) !== 0n).map((r) => r.start >> 80n))
  const coarse: Array<[block: bigint, zone: number]> = []
  const fine: Array<[start: bigint, zone: number]> = []
  // Only a change of zone needs an entry: an equal neighbour already answers for it.
  const append = <T>(list: Array<[T, number]>, start: T, zone: number) => {
    if (list.at(-1)?.[1] !== zone) list.push([start, zone])
  }
  v6.forEach((range, i) => {
    const end = (v6[i + 1]?.start ?? 1n << 128n) - 1n
    const first = range.start >> 80n
    const last = end >> 80n
    const zone = index(range.zone)
    append(coarse, first, split.has(first) ? SPLIT : zone)
    if (split.has(first)) append(fine, range.start, zone)
    if (last > first) {
      // Blocks strictly inside a range hold no other range's start, so none of them is split.
      if (!split.has(last) || last > first + 1n) append(coarse, first + 1n, zone)
      if (split.has(last)) {
        append(coarse, last, SPLIT)
        append(fine, last << 80n, zone)
      }
    }
  })
  return { coarse, fine }
}
