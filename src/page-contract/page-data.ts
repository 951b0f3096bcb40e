// What the server hands the page's script on the root element: written and read here alone.
import { PAGE_ATTRIBUTES as A } from './ids.ts'

/** An offset change: when (epoch ms) and to what (minutes east of UTC). */
export type Change = readonly [atMs: number, offsetMinutes: number]

export type PageData = {
  /** The time API's path for the zone, which the script samples: `/api/timezone/Europe/Moscow`. */
  api: string
  /** The city's name and its "in" phrase in the page's language: "Moscow", "in Moscow". */
  city: string
  cityIn: string
  /** The zone's abbreviation as the page's language writes it (Russian: МСК). */
  abbreviation: string
  /** The zone's offset now, minutes east of UTC. */
  offsetMinutes: number
  /** The zone's next transition (epoch ms), when the script re-asks the server; null: none known. */
  untilMs: number | null
  /** The instant the server rendered the page (epoch ms). */
  ms: number
  /** The zone's offset changes in the coming weeks. */
  changes: readonly Change[]
}

/** The root's attributes, name and unescaped value, in the page's order. */
export const writePageData = (data: PageData): Array<readonly [string, string]> => [
  [A.api, data.api],
  [A.city, data.city],
  [A.cityIn, data.cityIn],
  [A.offset, String(data.offsetMinutes)],
  [A.until, data.untilMs === null ? '' : String(data.untilMs)],
  [A.ms, String(data.ms)],
  [A.changes, JSON.stringify(data.changes)],
  [A.abbreviation, data.abbreviation],
]

/** Reads `data-changes`: `[[atMs, offsetMinutes], ...]`; anything else is none. */
export const parseChanges = (text: string | null | undefined): Change[] => {
  try {
    const value: unknown = JSON.parse(text ?? '[]')
    if (!Array.isArray(value)) return []
    return value.filter(
      (change): change is Change =>
        Array.isArray(change) &&
        change.length === 2 &&
        change.every((n) => typeof n === 'number' && Number.isFinite(n)),
    )
  } catch {
    return []
  }
}

/**
 * The root's data as the script reads it, by `attribute` (the element's getAttribute). Without a
 * readable offset there is nothing to keep right: undefined, and the server's static time stands.
 */
export const readPageData = (attribute: (name: string) => string | null): PageData | undefined => {
  const offsetMinutes = Number(attribute(A.offset) ?? Number.NaN)
  if (!Number.isFinite(offsetMinutes)) return undefined
  const until = attribute(A.until)
  return {
    api: attribute(A.api) ?? '',
    city: attribute(A.city) ?? '',
    cityIn: attribute(A.cityIn) ?? '',
    abbreviation: attribute(A.abbreviation) ?? '',
    offsetMinutes,
    untilMs: until ? Number(until) : null,
    ms: Number(attribute(A.ms) ?? ''),
    changes: parseChanges(attribute(A.changes)),
  }
}
