// One sample of the server's clock: a request to the time API, timed by the device's clock.
import { REQUEST_TIMEOUT_MS } from '../page-contract/timing.ts'
import { parseServerTime, type Sample } from './sync.ts'
import type { ZoneAnswer } from './zone-state.ts'

/** What the sampler needs of fetch(): the browser's own, or a test's. */
export type FetchLike = (
  url: string,
  init: { cache: 'no-store'; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>

export type SamplerInput = {
  /** The zone's time API path, as the page gives it. */
  url: string
  fetch: FetchLike
  /** The device's clock, ms since the epoch (Date.now). */
  wallNow: () => number
  /** Each readable answer, for what it says of the zone. */
  onAnswer: (answer: ZoneAnswer) => void
}

/** A function that takes one sample; it throws when the API fails or answers no time. */
export const createSampler =
  ({ url, fetch, wallNow, onAnswer }: SamplerInput) =>
  async (): Promise<Sample> => {
    const t0 = wallNow()
    const response = await fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    // The answer's headers and its few hundred bytes of body arrive together.
    const t1 = wallNow()
    if (!response.ok) throw new Error(`time API answered ${response.status}`)
    const body = (await response.json()) as (ZoneAnswer & { utc_datetime?: unknown }) | null
    const server = parseServerTime(body?.utc_datetime)
    if (!body || !Number.isFinite(server)) throw new Error('time API answered no utc_datetime')
    onAnswer(body)
    return { t0, server, t1 }
  }
