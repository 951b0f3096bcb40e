// The clock page's script: keeps the shown time true whatever the device's clock says, and says
// how far off the device is. It only fills the places the server rendered; it moves nothing.
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import { readPageData } from '../page-contract/page-data.ts'
import { judgeClock } from '../page-contract/words.ts'
import { clockFaceAt, zoneDayOf } from './clock-face.ts'
import { createNotes } from './notes.ts'
import { createSampler } from './sampler.ts'
import { startSearch } from './search.ts'
import { type NavigationMarks, serverNowFromPage } from './sync.ts'
import { createSyncLoop } from './sync-loop.ts'
import { systemOf } from './system.ts'
import { createTicker, type Ticker } from './ticker.ts'
import { browserTimers as timers } from './timers.ts'
import { createView, findElements } from './view.ts'
import { createZoneState } from './zone-state.ts'

const wallNow = () => Date.now()
const monoNow = () => performance.now()
const isHidden = () => document.hidden

/** Server minus device before any sample: the page's instant, advanced by how long it took to arrive. */
const offsetFromPage = (pageMs: number) => {
  const navigation = performance.getEntriesByType('navigation')[0] as NavigationMarks | undefined
  const offset = serverNowFromPage(pageMs, monoNow(), navigation) - wallNow()
  return Number.isFinite(offset) ? offset : 0
}

const start = () => {
  const root = document.documentElement
  const elements = findElements(document)
  const data = readPageData((name) => root.getAttribute(name))
  if (!elements || !data) return // keeps the server's static time
  const language = (root.lang in LANGUAGE_PACKS ? root.lang : 'en') as Language
  const { client, locale } = LANGUAGE_PACKS[language]
  const zone = createZoneState(data)
  const notes = createNotes({ ...data, language, locale })
  const shownDay = zoneDayOf(data.ms, data.offsetMinutes)
  const view = createView({ elements, document, locale, shownDay })
  const fix = client.fix[systemOf(navigator.userAgent, navigator.platform)]

  const loop = createSyncLoop({
    sample: createSampler({ url: data.api, fetch, wallNow, onAnswer: zone.learn }),
    monoNow,
    isHidden,
    timers,
    initialOffset: offsetFromPage(data.ms),
    onOffset: () => ticker.tick(),
    onSynced: ({ offset, uncertainty }) => {
      view.showEstimate(offset, uncertainty)
      const { state, text } = judgeClock(offset, uncertainty, language)
      view.showVerdict(state, text, state === 'off' ? fix : '')
      view.showComing(notes.coming(wallNow() + loop.offset(), zone.offsetMinutes))
    },
    onFailed: () => view.showVerdict('failed', client.failed, client.retrying),
  })
  const ticker: Ticker = createTicker({
    wallNow,
    monoNow,
    timers,
    offset: loop.offset,
    reached: zone.reached,
    resync: () => void loop.sync(true),
    show: (now) => {
      view.showFace(clockFaceAt(now, zone, data.city))
      view.showDifference(notes.difference(now, zone.offsetMinutes))
    },
  })

  view.showVerdict('pending', client.checking, '')
  ticker.tick()
  // The first sample in a task of its own: on a slow phone, one task doing both would be long.
  timers.set(() => void loop.sync(true), 0)
  document.addEventListener('visibilitychange', () => {
    if (isHidden()) return ticker.stop()
    ticker.tick()
    void loop.sync()
  })
  // A page restored from the back-forward cache had its timers frozen: start afresh.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    ticker.tick()
    void loop.sync(true)
  })
}

// The search field is on every page; the clock only on the clock's.
startSearch({
  document,
  language: document.documentElement.lang,
  fetch,
  timers,
  go: (path) => location.assign(path),
})
start()
