// What the clock page shows for a zone now, worked out here: the renderer is a pure function of it.
import type { Language } from '../i18n/languages.ts'
import type { City } from '../i18n/pack.ts'
import { CHANGES_AHEAD_MS } from '../page-contract/timing.ts'
import type { Clock } from '../time/clock.ts'
import { offsetChangesBetween } from '../time/offset-changes.ts'
import type { TimeDescriber, TimeInfo } from '../time/time-info.ts'
import { findPeriod } from '../time/tzdb.ts'
import { cityOf } from './city.ts'
import { describeDay } from './day-context.ts'
import type { PagePlace } from './place-view.ts'

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
  /** A place's page: its region and country under its name; a zone's page has none. */
  where?: { region: string | undefined; country: string; countryPath: string }
}

export type ModelInput = { clock: Clock; describe: TimeDescriber }

// The visitor is told of changes this far ahead: "From 28 March, Moscow is 2 hours ahead of you".
const CHANGES_AHEAD_S = CHANGES_AHEAD_MS / 1000

/**
 * Everything the page shows for `zone` now, in `language`: for the zone's city (CLDR's, the sun at
 * tzdb's coordinates), or for `place` (its name, region and country, the sun where it is).
 */
export const buildPageModel = (
  { clock, describe }: ModelInput,
  zone: string,
  path: string,
  language: Language,
  place?: PagePlace,
): PageModel => {
  const now = clock()
  const at = Math.floor(now.epochMilliseconds / 1000)
  const until = findPeriod(zone, at)?.until ?? null
  return {
    time: describe(now, zone),
    zone,
    city: place?.city ?? cityOf(zone, language),
    path,
    untilMs: until === null ? null : until * 1000,
    changes: offsetChangesBetween(zone, at, at + CHANGES_AHEAD_S).map((change) => ({
      atMs: change.at * 1000,
      offsetMinutes: change.offset / 60,
    })),
    context: describeDay({
      zone,
      now,
      language,
      ...(place ? { coordinates: { latitude: place.latitude, longitude: place.longitude } } : {}),
    }),
    ...(place
      ? {
          where: { region: place.region, country: place.country, countryPath: place.countryPath },
        }
      : {}),
  }
}
