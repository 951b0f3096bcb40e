// The clock page's script: keeps the shown time true whatever the device's clock says, and says
// how far off the device is. It only fills the places the server rendered; it moves nothing.
import { longDateFormat } from '../i18n/dates.ts'
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { comingDifference, parseChanges } from './changes.ts'
import {
  estimateOffset,
  msUntilNextSecond,
  type NavigationMarks,
  parseOffset,
  parseServerTime,
  REQUEST_TIMEOUT_MS,
  type Sample,
  serverNowFromPage,
} from './sync.ts'
import {
  describeDifferenceFrom,
  describeZoneDifference,
  judgeClock,
  systemOf,
  zonedTime,
} from './words.ts'

// A handful of samples, spaced out; again every ten minutes and when the tab comes back.
const SAMPLES = 5
const SAMPLE_SPACING_MS = 300
const RESYNC_MS = 10 * 60_000
// Flicking between tabs does not sample more often than this.
const MIN_RESYNC_GAP_MS = 30_000
const FIRST_RETRY_MS = 5_000
// Wall and monotonic time parting by more than this means the device clock was set, or it slept.
const JUMP_MS = 1_000
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// The visitor's own offset comes from the browser: it is the visitor's own zone.
const visitorOffsetAt = (ms: number) => -new Date(ms).getTimezoneOffset()

const start = () => {
  const root = document.documentElement
  const { zone = 'UTC', city = '', cityIn = '', ms = '' } = root.dataset
  const language = (root.lang in LANGUAGE_PACKS ? root.lang : 'en') as Language
  const { client, locale } = LANGUAGE_PACKS[language]
  const byId = (id: string) => document.getElementById(id)
  const [time, hm, ss, date, zoneLine, difference, verdict, verdictText, fix, relative] = [
    'time',
    'hm',
    'ss',
    'date',
    'zone',
    'diff',
    'verdict',
    'verdict-text',
    'fix',
    'relative',
  ].map(byId)
  if (!time || !hm || !ss || !date || !zoneLine || !difference || !verdict || !verdictText) return
  // The zone's offset and its next transition, from the server; re-asked when it comes.
  let zoneOffset = Number(root.dataset.offset)
  let until = root.dataset.until ? Number(root.dataset.until) : Number.POSITIVE_INFINITY
  if (!Number.isFinite(zoneOffset)) return // keeps the server's static time
  const cityChanges = parseChanges(root.dataset.changes)
  // Building a date format takes tens of milliseconds, a long task on a slow phone: the server's
  // date stands until the zone's day changes, and each format is built when first needed.
  let dateFormat: Intl.DateTimeFormat | undefined
  let dayFormat: Intl.DateTimeFormat | undefined
  // The date at the zone's offset is the UTC date of the shifted instant.
  const dayOf = (now: number) => Math.floor((now + zoneOffset * MINUTE_MS) / DAY_MS)
  let shownDay = dayOf(Number(ms))

  // Before the first sample: the page's own instant, advanced by how long it took to arrive.
  const navigation = performance.getEntriesByType('navigation')[0] as NavigationMarks | undefined
  let offset = serverNowFromPage(Number(ms), performance.now(), navigation) - Date.now()
  if (!Number.isFinite(offset)) offset = 0
  let abbreviation = (zoneLine.textContent ?? '').split(' · ')[0] ?? ''
  let apiAbbreviation: string | undefined
  let tickTimer: ReturnType<typeof setTimeout> | undefined
  let syncTimer: ReturnType<typeof setTimeout> | undefined
  let lastWall = Date.now()
  let lastMono = performance.now()
  let syncing = false
  // A forced sync asked for while one runs (the device clock jumped) runs right after it.
  let again = false
  let synced = false
  let lastSync = Number.NEGATIVE_INFINITY
  let failures = 0

  const show = (element: HTMLElement | null | undefined, value: string) => {
    if (element && element.textContent !== value) element.textContent = value
  }

  // The first coming change of the difference, said as the new difference.
  const describeRelative = (now: number) => {
    const next = comingDifference(now, zoneOffset, cityChanges, visitorOffsetAt)
    if (!next) return ''
    const { atMs, zoneOffset: zoneThen, visitorOffset } = next
    dayFormat ??= new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' })
    const day = dayFormat.format(atMs)
    return describeDifferenceFrom(day, zoneThen, visitorOffset, city, cityIn, language)
  }

  const render = (now: number) => {
    const zoned = zonedTime(now, zoneOffset)
    show(hm, zoned.hm)
    show(ss, zoned.ss)
    if (time.getAttribute('datetime') !== zoned.iso) time.setAttribute('datetime', zoned.iso)
    if (dayOf(now) !== shownDay) {
      shownDay = dayOf(now)
      dateFormat ??= longDateFormat(locale)
      show(date, dateFormat.format(now + zoneOffset * MINUTE_MS))
    }
    show(zoneLine, `${abbreviation} · UTC${zoned.offset}`)
    const visitorOffset = visitorOffsetAt(now)
    show(difference, describeZoneDifference(zoneOffset, visitorOffset, city, cityIn, language))
    document.title = `${zoned.hm}:${zoned.ss} · ${city}`
  }

  const tick = () => {
    clearTimeout(tickTimer)
    const wall = Date.now()
    const mono = performance.now()
    const jumped = Math.abs(wall - lastWall - (mono - lastMono)) > JUMP_MS
    lastWall = wall
    lastMono = mono
    const now = wall + offset
    // At the zone's transition the server knows the new offset: ask it, once.
    const transition = now >= until
    if (transition) until = Number.POSITIVE_INFINITY
    if (jumped || transition) void sync(true)
    render(now)
    tickTimer = setTimeout(tick, msUntilNextSecond(now))
  }

  const url = `/api/timezone/${zone.split('/').map(encodeURIComponent).join('/')}`
  const sample = async (): Promise<Sample> => {
    const t0 = Date.now()
    const response = await fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    // The answer's headers and its few hundred bytes of body arrive together.
    const t1 = Date.now()
    if (!response.ok) throw new Error(`time API answered ${response.status}`)
    const body = await response.json()
    const server = parseServerTime(body?.utc_datetime)
    if (!Number.isFinite(server)) throw new Error('time API answered no utc_datetime')
    // The page's own spelling (Russian МСК) stands until the zone's abbreviation really changes.
    if (typeof body.abbreviation === 'string' && body.abbreviation !== apiAbbreviation) {
      if (apiAbbreviation !== undefined) abbreviation = body.abbreviation
      apiAbbreviation = body.abbreviation
    }
    const answered = parseOffset(body.utc_offset)
    if (Number.isFinite(answered)) zoneOffset = answered
    // The API tells the end of DST only; otherwise the regular resync catches the next change.
    until = body.dst_until ? parseServerTime(body.dst_until) : Number.POSITIVE_INFINITY
    return { t0, server, t1 }
  }

  const mark = verdictText.querySelector('.mark')
  const showVerdict = (state: string, text: string, hint: string) => {
    if (verdict.dataset.state !== state || verdictText.textContent !== text) {
      verdict.dataset.state = state
      // The mark sits before the centred words, so new words would move it: the line is written
      // anew, mark and words, as new content, which is no layout shift.
      verdictText.replaceChildren(...(mark ? [mark.cloneNode()] : []), text)
    }
    // For tests and styles that wait on the whole page: pending, then ok or failed.
    root.dataset.sync = state === 'exact' || state === 'off' ? 'ok' : state
    show(fix, hint)
  }

  const sync = async (force = false): Promise<void> => {
    if (syncing) {
      again ||= force
      return
    }
    if (!force && performance.now() - lastSync < MIN_RESYNC_GAP_MS) return
    syncing = true
    clearTimeout(syncTimer)
    const samples: Sample[] = []
    for (let i = 0; i < SAMPLES && !document.hidden; i++) {
      if (i > 0) await sleep(SAMPLE_SPACING_MS)
      try {
        samples.push(await sample())
      } catch {
        break
      }
      // Follow each better estimate at once; the first one usually arrives within milliseconds.
      const estimate = estimateOffset(samples)
      if (estimate && estimate.offset !== offset) {
        offset = estimate.offset
        tick()
      }
    }
    syncing = false
    if (again) {
      again = false
      return sync(true)
    }
    const estimate = estimateOffset(samples)
    if (estimate) {
      synced = true
      failures = 0
      lastSync = performance.now()
      verdict.dataset.offsetMs = estimate.offset.toFixed(1)
      verdict.dataset.uncertaintyMs = estimate.uncertainty.toFixed(1)
      const { state, text } = judgeClock(estimate.offset, estimate.uncertainty, language)
      const system = systemOf(navigator.userAgent, navigator.platform)
      showVerdict(state, text, state === 'off' ? client.fix[system] : '')
      show(relative, describeRelative(Date.now() + offset))
      syncTimer = setTimeout(() => void (document.hidden || sync(true)), RESYNC_MS)
    } else if (!document.hidden) {
      failures += 1
      if (!synced) showVerdict('failed', client.failed, client.retrying)
      const delay = Math.min(RESYNC_MS, FIRST_RETRY_MS * 2 ** (failures - 1))
      syncTimer = setTimeout(() => void sync(true), delay)
    }
  }

  showVerdict('pending', client.checking, '')
  tick()
  // The first sample in a task of its own: on a slow phone, one task doing both would be long.
  setTimeout(() => void sync(true))

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      clearTimeout(tickTimer)
      return
    }
    tick()
    void sync()
  })
  // A page restored from the back-forward cache had its timers frozen: start afresh.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    tick()
    void sync(true)
  })
}

start()
