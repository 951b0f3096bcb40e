// The page's DOM: finds the places the server rendered and writes into them, only what changed.
import { longDateFormat } from '../i18n/dates.ts'
import {
  ELEMENT_IDS,
  MARK_CLASS,
  STATE_ATTRIBUTES,
  type VerdictState,
} from '../page-contract/ids.ts'
import type { ClockFace } from './clock-face.ts'

export type PageElements = {
  root: HTMLElement
  time: HTMLElement
  hm: HTMLElement
  ss: HTMLElement
  date: HTMLElement
  zoneLine: HTMLElement
  difference: HTMLElement
  verdict: HTMLElement
  verdictText: HTMLElement
  fix: HTMLElement | null
  relative: HTMLElement | null
}

/** The page's places by their ids; undefined when one the script needs is missing. */
export const findElements = (document: Document): PageElements | undefined => {
  const byId = (id: string) => document.getElementById(id)
  const ids = ELEMENT_IDS
  const [time, hm, ss, date, zoneLine, difference, verdict, verdictText] = [
    ids.time,
    ids.hm,
    ids.ss,
    ids.date,
    ids.zone,
    ids.difference,
    ids.verdict,
    ids.verdictText,
  ].map(byId)
  if (!time || !hm || !ss || !date || !zoneLine || !difference || !verdict || !verdictText) return
  const [fix, relative] = [byId(ids.fix), byId(ids.relative)]
  const root = document.documentElement
  return { root, time, hm, ss, date, zoneLine, difference, verdict, verdictText, fix, relative }
}

const show = (element: HTMLElement | null, value: string) => {
  if (element && element.textContent !== value) element.textContent = value
}

export type ViewInput = {
  elements: PageElements
  document: Document
  locale: string
  /** The zone's day of the date the server rendered: it stands until the day changes. */
  shownDay: number
}

export const createView = ({ elements: e, document, locale, shownDay }: ViewInput) => {
  let day = shownDay
  // Building a date format takes tens of milliseconds, a long task on a slow phone: the server's
  // date stands until the zone's day changes, and the format is built when first needed.
  let dateFormat: Intl.DateTimeFormat | undefined
  // The mark sits before the centred words, so new words would move it: the line is written
  // anew, mark and words, as new content, which is no layout shift.
  const mark = e.verdictText.querySelector(`.${MARK_CLASS}`)
  return {
    /** The clock, its date when the zone's day changes, the zone line and the tab's title. */
    showFace: (face: ClockFace) => {
      show(e.hm, face.hm)
      show(e.ss, face.ss)
      if (e.time.getAttribute('datetime') !== face.iso) e.time.setAttribute('datetime', face.iso)
      if (face.day !== day) {
        day = face.day
        dateFormat ??= longDateFormat(locale)
        show(e.date, dateFormat.format(face.wallMs))
      }
      show(e.zoneLine, face.zoneLine)
      document.title = face.title
    },
    showDifference: (text: string) => show(e.difference, text),
    showComing: (text: string) => show(e.relative, text),
    /** The verdict's state and words, and the line under it. */
    showVerdict: (state: VerdictState, text: string, hint: string) => {
      if (
        e.verdict.getAttribute(STATE_ATTRIBUTES.state) !== state ||
        e.verdictText.textContent !== text
      ) {
        e.verdict.setAttribute(STATE_ATTRIBUTES.state, state)
        e.verdictText.replaceChildren(...(mark ? [mark.cloneNode()] : []), text)
      }
      // For tests and styles that wait on the whole page: pending, then ok or failed.
      const sync = state === 'exact' || state === 'off' ? 'ok' : state
      e.root.setAttribute(STATE_ATTRIBUTES.sync, sync)
      show(e.fix, hint)
    },
    /** The estimate, for tests that read it. */
    showEstimate: (offsetMs: number, uncertaintyMs: number) => {
      e.verdict.setAttribute(STATE_ATTRIBUTES.offsetMs, offsetMs.toFixed(1))
      e.verdict.setAttribute(STATE_ATTRIBUTES.uncertaintyMs, uncertaintyMs.toFixed(1))
    },
  }
}

export type View = ReturnType<typeof createView>
