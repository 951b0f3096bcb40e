// The committed tzdb table's shape, shared by its generator and its reader.

/** What holds from `at` (epoch seconds) to the next period: total offset, DST amount, name. */
export type TablePeriod = { at: number; offset: number; dst: number; abbreviation: string }

/** [offset seconds, abbreviation, DST seconds] */
export type PeriodType = [number, string, number]

/**
 * One zone: its TZif footer (the rule after the table ends), its distinct types, the seconds
 * between consecutive transitions (the first from the epoch), and one base-36 type index per
 * period, the first being the type in force at the table's start.
 */
export type EncodedZone = [footer: string, types: PeriodType[], gaps: number[], indexes: string]

/** zone1970.tab's row: country codes, latitude, longitude (degrees), comment. */
export type Place = [string, number, number, string]

export type TzdbTable = {
  version: string
  /** Epoch seconds where the listed transitions end. */
  end: number
  zones: Record<string, EncodedZone>
  /** Link name to its target zone. */
  links: Record<string, string>
  places: Record<string, Place>
}

export const encodeZone = (periods: readonly TablePeriod[], footer: string): EncodedZone => {
  const types: PeriodType[] = []
  const keyOf = (p: TablePeriod) => `${p.offset} ${p.abbreviation} ${p.dst}`
  const indexOf = new Map<string, number>()
  let indexes = ''
  for (const p of periods) {
    let index = indexOf.get(keyOf(p))
    if (index === undefined) {
      index = types.length
      indexOf.set(keyOf(p), index)
      types.push([p.offset, p.abbreviation, p.dst])
    }
    if (index >= 36) throw new Error('more than 36 types in one zone')
    indexes += index.toString(36)
  }
  const gaps = periods.slice(1).map((p, i) => p.at - Math.max(periods[i]?.at ?? 0, 0))
  return [footer, types, gaps, indexes]
}

/** A zone's transitions as typed arrays: `starts[i]` begins type `types[kinds[i]]`. */
export type DecodedZone = {
  footer: string
  types: readonly PeriodType[]
  starts: Float64Array
  kinds: Uint8Array
}

export const decodeZone = ([footer, types, gaps, indexes]: EncodedZone): DecodedZone => {
  const starts = new Float64Array(indexes.length)
  const kinds = new Uint8Array(indexes.length)
  starts[0] = Number.NEGATIVE_INFINITY
  let at = 0
  for (let i = 0; i < indexes.length; i++) {
    kinds[i] = Number.parseInt(indexes[i] as string, 36)
    if (i > 0) {
      at += gaps[i - 1] ?? 0
      starts[i] = at
    }
  }
  return { footer, types, starts, kinds }
}
