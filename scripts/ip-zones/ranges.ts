// Zoned networks as one partition of the address space: sorted ranges, neighbours of a zone merged.

export type ZonedNetwork = { start: bigint; prefixLength: number; zone: string | undefined }
/** Runs from start to the next range's start; zone undefined means no zone (a gap in the data). */
export type Range = { start: bigint; zone: string | undefined }

/**
 * The address space as sorted ranges from address 0: networks become ranges, the addresses
 * between them "no zone", and neighbours with the same zone (or both none) one range.
 */
export function mergeRanges(networks: Iterable<ZonedNetwork>, bitLength: 32 | 128): Range[] {
  const ranges: Range[] = []
  const push = (start: bigint, zone: string | undefined) => {
    if (ranges.length === 0 || ranges.at(-1)?.zone !== zone) ranges.push({ start, zone })
  }
  let next = 0n
  for (const { start, prefixLength, zone } of networks) {
    if (start < next) throw new Error(`networks out of order or overlapping at ${start}`)
    if (start > next) push(next, undefined)
    push(start, zone)
    next = start + (1n << BigInt(bitLength - prefixLength))
  }
  if (next < 1n << BigInt(bitLength)) push(next, undefined)
  return ranges
}
