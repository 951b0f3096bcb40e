// Keeping time with the server: NTP-style offset estimates, and the page's first reading.
import { RESOLUTION_MS } from '../page-contract/timing.ts'

/** Device send, server, device receive: ms since the epoch. */
export type Sample = { t0: number; server: number; t1: number }
/** Server minus device, its bound, the round trip: ms. */
export type Estimate = { offset: number; uncertainty: number; rtt: number }

/**
 * NTP-style offset of the server's clock from the device's. The server read its clock at some
 * moment between t0 and t1, so the midpoint is off by at most half the round trip: the sample
 * with the shortest round trip bounds it best. Samples whose device clock stepped backwards
 * mid-flight (negative round trip) prove nothing and are dropped.
 */
export const estimateOffset = (
  samples: readonly Sample[],
  resolution = RESOLUTION_MS,
): Estimate | undefined => {
  let best: Sample | undefined
  for (const sample of samples) {
    const rtt = sample.t1 - sample.t0
    if (!(rtt >= 0) || !Number.isFinite(sample.server)) continue
    if (!best || rtt < best.t1 - best.t0) best = sample
  }
  if (!best) return undefined
  const rtt = best.t1 - best.t0
  return { offset: best.server - (best.t0 + best.t1) / 2, uncertainty: rtt / 2 + resolution, rtt }
}

/** Milliseconds since the epoch, with the fraction, of the API's `utc_datetime`; NaN otherwise. */
export const parseServerTime = (text: unknown): number => {
  if (typeof text !== 'string') return Number.NaN
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text)
  if (!match) return Number.NaN
  const [, whole = '', fraction = '0', zone = ''] = match
  return Date.parse(whole + zone) + Number(`0.${fraction}`) * 1000
}

/** Minutes east of UTC of the API's `utc_offset` ("+03:00", "-03:30"); NaN otherwise. */
export const parseOffset = (text: unknown): number => {
  const match = typeof text === 'string' ? /^([+-])(\d\d):(\d\d)$/.exec(text) : null
  if (!match) return Number.NaN
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

/** How long until the next whole second of `ms`: ticks land on the second, errors never add up. */
export const msUntilNextSecond = (ms: number) => 1000 - (((ms % 1000) + 1000) % 1000)

/** Navigation Timing's marks, ms since the page's time origin. */
export type NavigationMarks = { requestStart: number; responseStart: number }

/**
 * The server's time now, from the instant it wrote into the page: that instant was read as the
 * response began, so it is advanced by the time since the response began arriving, plus half the
 * request's round trip (the answer's way back). Without Navigation Timing, the instant as it is.
 */
export const serverNowFromPage = (
  pageMs: number,
  nowMono: number,
  marks: NavigationMarks | undefined,
): number => {
  if (!marks || !(marks.responseStart > 0) || !(marks.responseStart >= marks.requestStart))
    return pageMs
  return pageMs + (nowMono - marks.responseStart) + (marks.responseStart - marks.requestStart) / 2
}
