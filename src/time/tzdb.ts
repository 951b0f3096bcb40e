// Zone rules from the vendored tzdb release (data/tzdb/zones.json), never from the runtime's ICU.
import data from '../../data/tzdb/zones.json' with { type: 'json' }
import { type PosixRule, parsePosixTz, transitionsInYear } from './posix-tz.ts'
import { type DecodedZone, decodeZone, type TzdbTable } from './tzdb-table.ts'

const table = data as unknown as TzdbTable

export type ZoneNames = { zones: readonly string[]; links: Readonly<Record<string, string>> }

/** What holds in a zone between two transitions (epoch seconds; null: none known). */
export type ZonePeriod = {
  offset: number
  dst: number
  abbreviation: string
  from: number | null
  until: number | null
}

export const tzdbVersion: string = table.version

export const tzdbNames: ZoneNames = { zones: Object.keys(table.zones), links: table.links }

/** The TZif footer (POSIX TZ string) of a zone or link, as tzdb spells it; undefined if unknown. */
export const posixTzOf = (zone: string): string | undefined =>
  table.zones[table.links[zone] ?? zone]?.[0]

/** zone1970.tab's country codes, coordinates and comment, by zone. */
export const zonePlaces: TzdbTable['places'] = table.places

const decoded = new Map<string, DecodedZone>()
const rules = new Map<string, PosixRule | undefined>()

const yearOf = (epochSeconds: number) => new Date(epochSeconds * 1000).getUTCFullYear()

// The footer's period around `epochSeconds`, for instants past the table's end.
const footerPeriod = (rule: PosixRule, epochSeconds: number): ZonePeriod => {
  const { standard, daylight } = rule
  if (!daylight) return { ...standard, dst: 0, from: null, until: null }
  const year = yearOf(epochSeconds)
  const all = [year - 1, year, year + 1].flatMap((y) => transitionsInYear(rule, y))
  // A change that another meets at the same instant (DST all year) is no change.
  const changes = all.filter((change, i) => change.at !== all[i + 1]?.at)
  const i = changes.findLastIndex((change) => change.at <= epochSeconds)
  const now = changes[i] ?? standard
  // Negative DST (Dublin's "IST-1GMT0") is reported the other way round, as in the table.
  const amount = daylight.offset - standard.offset
  const dst = now.isDst ? Math.max(amount, 0) : Math.max(-amount, 0)
  return {
    offset: now.offset,
    abbreviation: now.abbreviation,
    dst,
    from: changes[i]?.at ?? null,
    until: changes[i + 1]?.at ?? null,
  }
}

/** The period of `zone` (a zone or link name, as tzdb spells it) at `epochSeconds`. */
export const findPeriod = (zone: string, epochSeconds: number): ZonePeriod | undefined => {
  const name = table.links[zone] ?? zone
  let rows = decoded.get(name)
  if (!rows) {
    const encoded = table.zones[name]
    if (!encoded) return undefined
    rows = decodeZone(encoded)
    decoded.set(name, rows)
    rules.set(name, parsePosixTz(rows.footer))
  }
  const rule = rules.get(name)
  if (rule?.daylight && epochSeconds >= table.end) return footerPeriod(rule, epochSeconds)
  const { starts, kinds, types } = rows
  // The last start at or before the instant; starts[0] is -Infinity.
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= epochSeconds) low = mid
    else high = mid - 1
  }
  const [offset, abbreviation, dst] = types[kinds[low] as number] ?? [0, 'UTC', 0]
  const next = starts[low + 1]
  const until = next ?? (rule?.daylight ? footerPeriod(rule, epochSeconds).until : null)
  return { offset, abbreviation, dst, from: low > 0 ? (starts[low] as number) : null, until }
}
