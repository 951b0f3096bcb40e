// What the clock page shows, computed by the page route: the renderer is a pure function of it.
import type { City } from '../i18n/pack.ts'
import type { TimeInfo } from '../time/time-info.ts'

/** A change of the zone's UTC offset: when (epoch ms) and to what (minutes east of UTC). */
export type OffsetChange = { atMs: number; offsetMinutes: number }

export type PageModel = {
  /** The zone's time now, as the API gives it. */
  time: TimeInfo
  /** The zone's canonical tzdb name. */
  zone: string
  /** The city's name in the page's language. */
  city: City
  /** The page's own path: `/` for the configured zone, else `/Asia/Tokyo`. */
  path: string
  /** The zone's next offset change (epoch ms), when the script must re-ask the server; null: none known. */
  untilMs: number | null
  /** The zone's offset changes in the next 8 weeks, for "From 28 March, Moscow is ... of you". */
  changes: OffsetChange[]
  /** The day's context in the page's language, one line each: clock changes, sunrise and sunset. */
  context: readonly string[]
}
