// The page's element ids and data-* names: the server renders them, the script finds them.

/** The elements the script writes into, by what they hold. */
export const ELEMENT_IDS = {
  time: 'time',
  hm: 'hm',
  ss: 'ss',
  date: 'date',
  zone: 'zone',
  difference: 'diff',
  verdict: 'verdict',
  verdictText: 'verdict-text',
  fix: 'fix',
  relative: 'relative',
} as const

/** What the server hands the script on the page's root element (see page-data.ts). */
export const PAGE_ATTRIBUTES = {
  api: 'data-api',
  city: 'data-city',
  cityIn: 'data-city-in',
  abbreviation: 'data-abbreviation',
  offset: 'data-offset',
  until: 'data-until',
  ms: 'data-ms',
  changes: 'data-changes',
} as const

/** What the script writes back, for styles and tests: the verdict's state and the estimate. */
export const STATE_ATTRIBUTES = {
  /** On the verdict: one of VerdictState; the stylesheet draws the mark by it. */
  state: 'data-state',
  /** On the root: pending, then ok or failed. */
  sync: 'data-sync',
  offsetMs: 'data-offset-ms',
  uncertaintyMs: 'data-uncertainty-ms',
} as const

export type VerdictState = 'pending' | 'exact' | 'off' | 'failed'

/** The verdict's mark: a span before its words, drawn by the stylesheet. */
export const MARK_CLASS = 'mark'
