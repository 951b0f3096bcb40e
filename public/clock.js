/**
 * The clock page's script: keeps the shown time true whatever the device's clock says.
 *
 * A plain ES module the browser runs as is (no build step). Its pure parts are exported so that
 * node:test imports this very file; the page part starts only where there is a document.
 */

/** @typedef {{ t0: number, server: number, t1: number }} Sample device send, server, device receive: ms since the epoch */
/** @typedef {{ offset: number, uncertainty: number, rtt: number }} Estimate server minus device, its bound, the round trip: ms */
/** @typedef {'en' | 'ru'} Language */

/** Date.now() counts whole milliseconds; the server's microseconds are negligible beside that. */
export const RESOLUTION_MS = 1

/**
 * NTP-style offset of the server's clock from the device's. The server read its clock at some
 * moment between t0 and t1, so the midpoint is off by at most half the round trip: the sample
 * with the shortest round trip bounds it best. Samples whose device clock stepped backwards
 * mid-flight (negative round trip) prove nothing and are dropped.
 * @param {readonly Sample[]} samples
 * @param {number} [resolution] granularity of the clock readings, ms
 * @returns {Estimate | undefined}
 */
export const estimateOffset = (samples, resolution = RESOLUTION_MS) => {
  /** @type {Sample | undefined} */
  let best
  for (const sample of samples) {
    const rtt = sample.t1 - sample.t0
    if (!(rtt >= 0) || !Number.isFinite(sample.server)) continue
    if (!best || rtt < best.t1 - best.t0) best = sample
  }
  if (!best) return undefined
  const rtt = best.t1 - best.t0
  return { offset: best.server - (best.t0 + best.t1) / 2, uncertainty: rtt / 2 + resolution, rtt }
}

/**
 * Milliseconds since the epoch, with the fraction, of the API's `utc_datetime`
 * (`2026-11-27T13:20:31.123456+00:00`); NaN for anything else.
 * @param {unknown} text
 */
export const parseServerTime = (text) => {
  if (typeof text !== 'string') return Number.NaN
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text)
  if (!match) return Number.NaN
  const [, whole = '', fraction = '0', zone = ''] = match
  return Date.parse(whole + zone) + Number(`0.${fraction}`) * 1000
}

/**
 * How long until the next whole second of `ms`: a tick scheduled this way lands on the second
 * every time, so errors never add up.
 * @param {number} ms
 */
export const msUntilNextSecond = (ms) => 1000 - (((ms % 1000) + 1000) % 1000)

const NBSP = '\u00a0'

const TEXT = {
  en: {
    locale: 'en-GB',
    checking: 'Checking your device’s clock…',
    /** @param {string} within */
    exact: (within) => `Your device’s clock is exact${NBSP}(±${within})`,
    /** @param {string} by @param {string} within */
    fast: (by, within) => `Your device’s clock is ${by} fast${NBSP}(±${within})`,
    /** @param {string} by @param {string} within */
    slow: (by, within) => `Your device’s clock is ${by} slow${NBSP}(±${within})`,
    failed: 'Could not reach the server to check your device’s clock; trying again soon.',
    units: { h: 'h', min: 'min', s: 's' },
    /** @param {string} city @param {string} by */
    ahead: (city, by) => `${city} is ${by} ahead of you`,
    /** @param {string} city @param {string} by */
    behind: (city, by) => `${city} is ${by} behind you`,
    /** @param {string} city @param {string} _cityIn */
    same: (city, _cityIn) => `You are on ${city} time`,
    /** @type {Record<string, string>} */
    hours: { one: 'hour', other: 'hours' },
    /** @type {Record<string, string>} */
    minutes: { one: 'minute', other: 'minutes' },
  },
  ru: {
    locale: 'ru',
    checking: 'Проверяем часы вашего устройства…',
    /** @param {string} within */
    exact: (within) => `Часы вашего устройства идут точно${NBSP}(±${within})`,
    /** @param {string} by @param {string} within */
    fast: (by, within) => `Часы вашего устройства спешат на ${by}${NBSP}(±${within})`,
    /** @param {string} by @param {string} within */
    slow: (by, within) => `Часы вашего устройства отстают на ${by}${NBSP}(±${within})`,
    failed:
      'Не удалось связаться с сервером, чтобы проверить часы устройства; скоро попробуем снова.',
    units: { h: 'ч', min: 'мин', s: 'с' },
    /** @param {string} city @param {string} by */
    ahead: (city, by) => `${city} опережает вас на ${by}`,
    /** @param {string} city @param {string} by */
    behind: (city, by) => `${city} отстаёт от вас на ${by}`,
    /** @param {string} _city @param {string} cityIn */
    same: (_city, cityIn) => `Время ${cityIn} совпадает с вашим`,
    // Accusative after «на»: на 1 час, на 2 часа, на 5 часов.
    /** @type {Record<string, string>} */
    hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    /** @type {Record<string, string>} */
    minutes: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
  },
}

/** @type {Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>} */
const formats = new Map()
/**
 * Intl objects are costly to build and this runs every second: build each once.
 * @template T
 * @param {string} key
 * @param {() => T} make
 * @returns {T}
 */
const cached = (key, make) => {
  let value = formats.get(key)
  if (!value) {
    value = /** @type {any} */ (make())
    formats.set(key, /** @type {any} */ (value))
  }
  return /** @type {T} */ (value)
}

/** @param {Language} language */
const textFor = (language) => TEXT[language] ?? TEXT.en

/**
 * Seconds in the language's number format, with `digits` decimals.
 * @param {number} ms @param {number} digits @param {Language} language
 */
const seconds = (ms, digits, language) => {
  const { locale, units } = textFor(language)
  const format = cached(
    `n:${locale}:${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  )
  return `${format.format(ms / 1000)}${NBSP}${units.s}`
}

/**
 * "Your device's clock is 2 h 0 min 37 s fast (±0.02 s)": how far off the device is, given
 * `offset` = server minus device. Within the uncertainty it is called exact; the bound is
 * rounded up, never down.
 * @param {number} offset ms
 * @param {number} uncertainty ms
 * @param {Language} language
 */
export const describeDeviceError = (offset, uncertainty, language) => {
  const text = textFor(language)
  const digits = uncertainty < 1000 ? 2 : 1
  const step = 1000 / 10 ** digits
  const within = seconds(Math.ceil(uncertainty / step) * step, digits, language)
  if (Math.abs(offset) <= uncertainty) return text.exact(within)
  const size = Math.abs(offset)
  let by = seconds(size, digits, language)
  if (size >= 60_000) {
    const total = Math.round(size / 1000)
    const { h, min, s } = text.units
    const hours = Math.floor(total / 3600)
    const parts = [`${Math.floor((total % 3600) / 60)}${NBSP}${min}`, `${total % 60}${NBSP}${s}`]
    by = (hours ? [`${hours}${NBSP}${h}`, ...parts] : parts).join(' ')
  }
  // A device that is ahead of the server is fast: its offset is negative.
  return offset < 0 ? text.fast(by, within) : text.slow(by, within)
}

/**
 * "Moscow is 8 hours ahead of you", from the UTC offsets (minutes) of the shown zone and the
 * visitor's.
 * @param {number} zoneOffset @param {number} visitorOffset
 * @param {string} city @param {string} cityIn @param {Language} language
 */
export const describeZoneDifference = (zoneOffset, visitorOffset, city, cityIn, language) => {
  const text = textFor(language)
  const difference = zoneOffset - visitorOffset
  if (difference === 0) return text.same(city, cityIn)
  const plural = cached(`p:${text.locale}`, () => new Intl.PluralRules(text.locale))
  /** @param {number} n @param {Record<string, string>} forms */
  const count = (n, forms) => `${n}${NBSP}${forms[plural.select(n)] ?? forms.other}`
  const size = Math.abs(difference)
  const hours = Math.floor(size / 60)
  const minutes = size % 60
  const by = [hours ? count(hours, text.hours) : '', minutes ? count(minutes, text.minutes) : '']
    .filter(Boolean)
    .join(' ')
  return difference > 0 ? text.ahead(city, by) : text.behind(city, by)
}

const pad2 = (/** @type {number} */ n) => String(n).padStart(2, '0')

/**
 * The wall-clock reading of instant `ms` at `offsetMinutes` east of UTC: `hm` "16:20", `ss` "31",
 * `iso` "2026-11-27T16:20:31+03:00" (for `<time datetime>`), `offset` "+03:00". The offset is the
 * server's (tzdb's newest rules), never the browser's own zone data, which may be older.
 * @param {number} ms @param {number} offsetMinutes
 */
export const zonedTime = (ms, offsetMinutes) => {
  const wall = new Date(ms + offsetMinutes * 60_000)
  const size = Math.abs(offsetMinutes)
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(size / 60))}:${pad2(size % 60)}`
  const hm = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`
  const ss = pad2(wall.getUTCSeconds())
  const iso = `${wall.toISOString().slice(0, 10)}T${hm}:${ss}${offset}`
  return { hm, ss, iso, offset, offsetMinutes }
}

/**
 * Minutes east of UTC of the API's `utc_offset` ("+03:00", "-03:30"); NaN for anything else.
 * @param {unknown} text
 */
export const parseOffset = (text) => {
  const match = typeof text === 'string' ? /^([+-])(\d\d):(\d\d)$/.exec(text) : null
  if (!match) return Number.NaN
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

// A handful of samples, spaced out; again every ten minutes and when the tab comes back.
const SAMPLES = 5
const SAMPLE_SPACING_MS = 300
const RESYNC_MS = 10 * 60_000
// Flicking between tabs does not sample more often than this.
const MIN_RESYNC_GAP_MS = 30_000
const FIRST_RETRY_MS = 5_000
const REQUEST_TIMEOUT_MS = 5_000
// Wall and monotonic time parting by more than this means the device clock was set, or it slept.
const JUMP_MS = 1_000

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const start = () => {
  const root = document.documentElement
  const { zone = 'UTC', city = '', cityIn = '', ms = '' } = root.dataset
  /** @type {Language} */
  const language = root.lang === 'ru' ? 'ru' : 'en'
  const text = textFor(language)
  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id))
  const [time, hm, ss, date, zoneLine, difference, status] = [
    'time',
    'hm',
    'ss',
    'date',
    'zone',
    'diff',
    'sync',
  ].map(byId)
  if (!time || !hm || !ss || !date || !zoneLine || !difference || !status) return
  // The date at the zone's offset is the UTC date of the shifted instant.
  const dateFormat = new Intl.DateTimeFormat(text.locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  // The zone's offset and its next transition, from the server; re-asked when it comes.
  let zoneOffset = Number(root.dataset.offset)
  let until = root.dataset.until ? Number(root.dataset.until) : Number.POSITIVE_INFINITY
  if (!Number.isFinite(zoneOffset)) return // keeps the server's static time

  // Until the first sample returns: the server's time in the page, late by the page's load time.
  let offset = Number(ms) - Date.now()
  if (!Number.isFinite(offset)) offset = 0
  let abbreviation = (zoneLine.textContent ?? '').split(' · ')[0] ?? ''
  /** @type {string | undefined} */
  let apiAbbreviation
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let tickTimer
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let syncTimer
  let lastWall = Date.now()
  let lastMono = performance.now()
  let syncing = false
  // A forced sync asked for while one runs (the device clock jumped) runs right after it.
  let again = false
  let synced = false
  let lastSync = Number.NEGATIVE_INFINITY
  let failures = 0

  /** @param {HTMLElement} element @param {string} value */
  const show = (element, value) => {
    if (element.textContent !== value) element.textContent = value
  }

  /** @param {number} now server ms */
  const render = (now) => {
    const zoned = zonedTime(now, zoneOffset)
    show(hm, zoned.hm)
    show(ss, zoned.ss)
    if (time.getAttribute('datetime') !== zoned.iso) time.setAttribute('datetime', zoned.iso)
    show(date, dateFormat.format(now + zoneOffset * 60_000))
    show(zoneLine, `${abbreviation} · UTC${zoned.offset}`)
    const visitorOffset = -new Date(now).getTimezoneOffset()
    show(
      difference,
      describeZoneDifference(zoned.offsetMinutes, visitorOffset, city, cityIn, language),
    )
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
  /** @returns {Promise<Sample>} */
  const sample = async () => {
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

  /** @param {boolean} [force] */
  const sync = async (force = false) => {
    if (syncing) {
      again ||= force
      return
    }
    if (!force && performance.now() - lastSync < MIN_RESYNC_GAP_MS) return
    syncing = true
    clearTimeout(syncTimer)
    /** @type {Sample[]} */
    const samples = []
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
      status.dataset.offsetMs = estimate.offset.toFixed(1)
      status.dataset.uncertaintyMs = estimate.uncertainty.toFixed(1)
      show(status, describeDeviceError(estimate.offset, estimate.uncertainty, language))
      root.dataset.sync = 'ok'
      syncTimer = setTimeout(() => void (document.hidden || sync(true)), RESYNC_MS)
    } else if (!document.hidden) {
      failures += 1
      if (!synced) {
        show(status, text.failed)
        root.dataset.sync = 'failed'
      }
      const delay = Math.min(RESYNC_MS, FIRST_RETRY_MS * 2 ** (failures - 1))
      syncTimer = setTimeout(() => void sync(true), delay)
    }
  }

  status.textContent = text.checking
  status.hidden = false
  difference.hidden = false
  root.dataset.sync = 'pending'
  tick()
  void sync(true)

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

if (typeof document !== 'undefined') start()
