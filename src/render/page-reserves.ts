// Room on the page for the script's longest words: hidden copies of what each line may hold.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { REQUEST_TIMEOUT_MS, RESOLUTION_MS } from '../page-contract/timing.ts'
import { formatDifference, judgeClock } from '../page-contract/words.ts'
import { escapeHtml } from './escape.ts'
import type { PageModel } from './page-model.ts'

/**
 * Hidden copies of the texts a line may come to hold, stacked in the line's one grid cell with
 * the live text (see .slot in clock.css): the line is as tall as the longest of them at whatever
 * width, font and language, from the first paint, so the script's words never move anything.
 */
const reserve = (texts: readonly string[]) =>
  [...new Set(texts)]
    .map((text) => `<span class="reserve" aria-hidden="true">${escapeHtml(text)}</span>`)
    .join('')

const longest = (texts: readonly string[]) =>
  texts.reduce((a, b) => (b.length > a.length ? b : a), '')

// Every offset in use lies within UTC-12 to UTC+14, on quarter hours.
const VISITOR_OFFSETS = Array.from({ length: (840 + 720) / 15 + 1 }, (_, i) => -720 + i * 15)
const HOUR_MS = 3_600_000

/** The verdicts the script may write: the longest fast and slow ones, with a ± and without. */
const verdictTexts = (language: Language) => {
  const { client } = LANGUAGE_PACKS[language]
  // Errors from a tenth of a second to years; the ± is largest when a sample took the timeout.
  const errors = [150, 9_990, 59_900, 239_000, HOUR_MS - 1000, 99_999 * HOUR_MS + HOUR_MS - 1000]
  const bounds = [RESOLUTION_MS, 999, REQUEST_TIMEOUT_MS / 2 + RESOLUTION_MS]
  const said = [-1, 1].flatMap((sign) =>
    errors.flatMap((error) => bounds.map((b) => judgeClock(sign * error, b, language).text)),
  )
  const fast = said.slice(0, said.length / 2)
  const slow = said.slice(said.length / 2)
  const withBound = (texts: string[], bound: boolean) =>
    longest(texts.filter((text) => text.includes('±') === bound))
  return [
    LANGUAGE_PACKS[language].page.verdictNoScript,
    client.checking,
    client.exact,
    client.failed,
    ...[fast, slow].flatMap((texts) => [withBound(texts, true), withBound(texts, false)]),
  ]
}

/**
 * The longest "8 hours 45 minutes" ahead and behind between a zone at `offsets` and any visitor.
 * Few distinct offset lists exist (tzdb's), so each is worked out once per language.
 */
const differences = new Map<string, { ahead: string; behind: string }>()
const longestDifferences = (offsets: readonly number[], language: Language) => {
  const key = `${language}:${offsets.join()}`
  let found = differences.get(key)
  if (!found) {
    const ahead: string[] = []
    const behind: string[] = []
    for (const zone of offsets)
      for (const visitor of VISITOR_OFFSETS) {
        if (zone === visitor) continue
        ;(zone > visitor ? ahead : behind).push(formatDifference(zone - visitor, language))
      }
    found = { ahead: longest(ahead), behind: longest(behind) }
    differences.set(key, found)
  }
  return found
}

export type NoteReserves = { difference: string; relative: string }

export type PageReserves = {
  verdict: string
  fix: string
  /** The notes on the visitor's difference, as long as they can be for the model's city. */
  notes: (model: PageModel) => NoteReserves
}

// Bounds the notes kept per language: one set per city and offset list.
const MAX_NOTES = 4096

/** A language's reserves; the notes' built once per city and its offsets, not per request. */
export const createPageReserves = (language: Language): PageReserves => {
  const { client, locale } = LANGUAGE_PACKS[language]
  // "28 September": the longest day the coming-change note may name.
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' })
  const longestDay = longest(
    Array.from({ length: 12 }, (_, month) => dayFormat.format(Date.UTC(2026, month, 28, 12))),
  )
  const buildNotes = (city: PageModel['city'], offsets: number[]): NoteReserves => {
    const { ahead, behind } = longestDifferences(offsets, language)
    const sentences = [
      ...(ahead ? [client.ahead(city.name, ahead)] : []),
      ...(behind ? [client.behind(city.name, behind)] : []),
    ]
    return {
      difference: reserve([...sentences, client.same(city.name, city.inName)]),
      relative: reserve([
        ...sentences.map((sentence) => client.from(longestDay, sentence)),
        client.sameFrom(longestDay, city.name, city.inName),
      ]),
    }
  }
  const notesByCity = new Map<string, NoteReserves>()
  return {
    verdict: reserve(verdictTexts(language)),
    fix: reserve([...Object.values(client.fix), client.retrying]),
    notes: ({ city, time, changes }) => {
      const offsets = [
        (time.raw_offset + time.dst_offset) / 60,
        ...changes.map((change) => change.offsetMinutes),
      ]
      const key = `${city.name}\n${city.inName}\n${offsets.join()}`
      let notes = notesByCity.get(key)
      if (!notes) {
        if (notesByCity.size >= MAX_NOTES) notesByCity.clear()
        notes = buildNotes(city, offsets)
        notesByCity.set(key, notes)
      }
      return notes
    },
  }
}
