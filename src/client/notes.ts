// The notes on the visitor: how the zone differs from their own now, and from its coming change.
import type { Language } from '../i18n/languages.ts'
import type { Change } from '../page-contract/page-data.ts'
import { describeDifferenceFrom, describeZoneDifference } from '../page-contract/words.ts'
import { comingDifference } from './changes.ts'

/** The visitor's own offset at an instant, minutes east of UTC: the browser's, as theirs is. */
export const visitorOffsetAt = (ms: number): number => -new Date(ms).getTimezoneOffset()

export type NotesInput = {
  city: string
  cityIn: string
  language: Language
  locale: string
  /** The zone's coming changes, from the server. */
  changes: readonly Change[]
  visitorOffsetAt?: (ms: number) => number
}

export const createNotes = ({
  city,
  cityIn,
  language,
  locale,
  changes,
  visitorOffsetAt: offsetAt = visitorOffsetAt,
}: NotesInput) => {
  // Building a date format takes tens of milliseconds, a long task on a slow phone: it is built
  // only when there is a change to tell.
  let dayFormat: Intl.DateTimeFormat | undefined
  return {
    /** "Moscow is 8 hours ahead of you". */
    difference: (now: number, zoneOffset: number): string =>
      describeZoneDifference({ zoneOffset, visitorOffset: offsetAt(now), city, cityIn, language }),
    /** "From 28 March, Moscow is 2 hours ahead of you"; '' when nothing changes in the weeks ahead. */
    coming: (now: number, zoneOffset: number): string => {
      const next = comingDifference(now, zoneOffset, changes, offsetAt)
      if (!next) return ''
      dayFormat ??= new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' })
      const day = dayFormat.format(next.atMs)
      return describeDifferenceFrom(day, {
        zoneOffset: next.zoneOffset,
        visitorOffset: next.visitorOffset,
        city: city,
        cityIn: cityIn,
        language: language,
      })
    },
  }
}
