import data from './tzdb-data.json' with { type: 'json' }

// [offset seconds, abbreviation, DST seconds]; see scripts/generate-tzdb.ts for how eras are cut.
type Entry = [number, string, number]
type Era = [number, Entry[]]

export type ZoneNames = { zones: readonly string[]; links: Readonly<Record<string, string>> }

export type OffsetName = { abbreviation: string; dstSeconds: number }

const zones = data.zones as unknown as Record<string, Era[]>

export const tzdbVersion: string = data.version

export const tzdbNames: ZoneNames = { zones: Object.keys(zones), links: data.links }

/** tzdb's abbreviation and DST amount for `offsetSeconds` in force in `zone` at `epochSeconds`. */
export const nameOffset = (
  zone: string,
  epochSeconds: number,
  offsetSeconds: number,
): OffsetName => {
  const eras = zones[data.links[zone as keyof typeof data.links] ?? zone]
  let entries: Entry[] | undefined
  for (const [from, list] of eras ?? []) {
    if (from > epochSeconds && entries) break
    entries = list
  }
  const entry = entries?.find(([offset]) => offset === offsetSeconds)
  // A zone or offset newer than our table: tzdb's own convention for unnamed offsets, e.g. "+04".
  return entry
    ? { abbreviation: entry[1], dstSeconds: entry[2] }
    : { abbreviation: formatNumericAbbreviation(offsetSeconds), dstSeconds: 0 }
}

export const formatNumericAbbreviation = (offsetSeconds: number): string => {
  const sign = offsetSeconds < 0 ? '-' : '+'
  const minutes = Math.floor(Math.abs(offsetSeconds) / 60)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = minutes % 60
  return `${sign}${hh}${mm ? String(mm).padStart(2, '0') : ''}`
}
