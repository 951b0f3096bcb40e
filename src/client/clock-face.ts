// What the page shows of the zone at an instant: its wall clock, date, zone line and tab title.
import { formatZoneLine } from '../page-contract/words.ts'
import { formatIsoOffset, pad2 } from '../time/format.ts'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/**
 * The wall clock of instant `ms` at `offsetMinutes` east of UTC: "16:20", "31", the ISO form for
 * `<time datetime>` and "+03:00". The offset is the server's (tzdb's newest rules), never the
 * browser's own data for the zone, which may be older.
 */
export const zonedTime = (ms: number, offsetMinutes: number) => {
  const wall = new Date(ms + offsetMinutes * MINUTE_MS)
  const offset = formatIsoOffset(offsetMinutes)
  const hm = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`
  const ss = pad2(wall.getUTCSeconds())
  const iso = `${wall.toISOString().slice(0, 10)}T${hm}:${ss}${offset}`
  return { hm, ss, iso, offset, offsetMinutes }
}

/** The zone's calendar day of an instant, as days since the epoch. */
export const zoneDayOf = (ms: number, offsetMinutes: number): number =>
  Math.floor((ms + offsetMinutes * MINUTE_MS) / DAY_MS)

/** The zone as the script knows it now: the server's offset and the abbreviation to show. */
export type ZoneNow = { offsetMinutes: number; abbreviation: string }

export type ClockFace = ReturnType<typeof zonedTime> & {
  /** The instant shifted to the zone's wall time: its UTC date is the zone's date. */
  wallMs: number
  /** That date as days since the epoch: the date line changes when it does. */
  day: number
  zoneLine: string
  title: string
}

/** Everything of the clock that changes with the instant, but the words on the visitor. */
export const clockFaceAt = (ms: number, zone: ZoneNow, city: string): ClockFace => {
  const zoned = zonedTime(ms, zone.offsetMinutes)
  return {
    ...zoned,
    wallMs: ms + zone.offsetMinutes * MINUTE_MS,
    day: zoneDayOf(ms, zone.offsetMinutes),
    zoneLine: formatZoneLine(zone.abbreviation, zoned.offset),
    title: `${zoned.hm}:${zoned.ss} · ${city}`,
  }
}
