// The shown zone as the script knows it: offset, transition, abbreviation; the page's, then the API's.
import type { PageData } from '../page-contract/page-data.ts'
import type { ZoneNow } from './clock-face.ts'
import { parseOffset, parseServerTime } from './sync.ts'

/** The fields of the time API's answer that say what the zone is now. */
export type ZoneAnswer = { abbreviation?: unknown; utc_offset?: unknown; dst_until?: unknown }

export type ZoneState = ZoneNow & {
  /** Takes in an answer of the time API. */
  learn: (answer: ZoneAnswer) => void
  /** Whether `now` has reached the zone's transition: true once, then the server is asked anew. */
  reached: (now: number) => boolean
}

export const createZoneState = (data: PageData): ZoneState => {
  let untilMs = data.untilMs ?? Number.POSITIVE_INFINITY
  let apiAbbreviation: string | undefined
  const state: ZoneState = {
    offsetMinutes: data.offsetMinutes,
    abbreviation: data.abbreviation,
    learn: (answer) => {
      // The page's own spelling (Russian МСК) stands until the zone's abbreviation really changes.
      const { abbreviation } = answer
      if (typeof abbreviation === 'string' && abbreviation !== apiAbbreviation) {
        if (apiAbbreviation !== undefined) state.abbreviation = abbreviation
        apiAbbreviation = abbreviation
      }
      const answered = parseOffset(answer.utc_offset)
      if (Number.isFinite(answered)) state.offsetMinutes = answered
      // The API tells the end of DST only; otherwise the regular resync catches the next change.
      untilMs = answer.dst_until ? parseServerTime(answer.dst_until) : Number.POSITIVE_INFINITY
    },
    reached: (now) => {
      if (!(now >= untilMs)) return false
      untilMs = Number.POSITIVE_INFINITY
      return true
    },
  }
  return state
}
