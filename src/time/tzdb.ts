import data from './tzdb-data.json' with { type: 'json' }

// [offset seconds, abbreviation, DST seconds]; see scripts/generate-tzdb.ts for how eras are cut.
type Entry = [number, string, number]
type Era = [number, Entry[]]

export type ZoneNames = { zones: readonly string[]; links: Readonly<Record<string, string>> }

/** tzdb's name for an offset, and the span (epoch seconds; null: unbounded) it holds for. */
export type OffsetName = {
  abbreviation: string
  dstSeconds: number
  since: number | null
  until: number | null
}

const zones = data.zones as unknown as Record<string, Era[]>

export const tzdbVersion: string = data.version

export const tzdbNames: ZoneNames = { zones: Object.keys(zones), links: data.links }

/** tzdb's abbreviation and DST amount for `offsetSeconds` in force in `zone` at `epochSeconds`. */
export const nameOffset = (
  zone: string,
  epochSeconds: number,
  offsetSeconds: number,
): OffsetName => {
  const eras = zones[data.links[zone as keyof typeof data.links] ?? zone] ?? []
  let index = 0
  while (index + 1 < eras.length && (eras[index + 1] as Era)[0] <= epochSeconds) index++
  const entry = eras[index]?.[1].find(([offset]) => offset === offsetSeconds)
  const since = index > 0 ? (eras[index] as Era)[0] : null
  const until = eras[index + 1]?.[0] ?? null
  // A zone or offset newer than our table: tzdb's own convention for unnamed offsets, e.g. "+04".
  return entry
    ? { abbreviation: entry[1], dstSeconds: entry[2], since, until }
    : { abbreviation: formatNumericAbbreviation(offsetSeconds), dstSeconds: 0, since, until }
}

export const formatNumericAbbreviation = (offsetSeconds: number): string => {
  const sign = offsetSeconds < 0 ? '-' : '+'
  const minutes = Math.floor(Math.abs(offsetSeconds) / 60)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = minutes % 60
  return `${sign}${hh}${mm ? String(mm).padStart(2, '0') : ''}`
}
