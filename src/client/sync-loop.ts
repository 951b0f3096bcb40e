// When the script samples the server: five samples, again every ten minutes, backing off on failure.
import { type Estimate, estimateOffset, type Sample } from './sync.ts'
import type { Timers } from './timers.ts'

// A handful of samples, spaced out; again every ten minutes and when the tab comes back.
export const SAMPLES = 5
export const SAMPLE_SPACING_MS = 300
export const RESYNC_MS = 10 * 60_000
// Flicking between tabs does not sample more often than this.
export const MIN_RESYNC_GAP_MS = 30_000
export const FIRST_RETRY_MS = 5_000

export type SyncLoopInput = {
  /** One sample of the server's clock; throws when there is none. */
  sample: () => Promise<Sample>
  /** Monotonic ms (performance.now). */
  monoNow: () => number
  /** Whether the page is hidden: a hidden page samples no more. */
  isHidden: () => boolean
  timers: Timers
  /** Server minus device (ms) before any sample: from the page's own instant. */
  initialOffset: number
  /** Each better estimate as it comes, while sampling: the shown time follows it at once. */
  onOffset: (offset: number) => void
  /** A sync's result. */
  onSynced: (estimate: Estimate) => void
  /** A sync failed and none has succeeded yet. */
  onFailed: () => void
}

export type SyncLoop = {
  /** Samples now; unforced, not within MIN_RESYNC_GAP_MS of the last good sync. */
  sync: (force?: boolean) => Promise<void>
  /** Server minus device, ms: the best estimate so far. */
  offset: () => number
}

export const createSyncLoop = (input: SyncLoopInput): SyncLoop => {
  const { sample, monoNow, isHidden, timers } = input
  let offset = input.initialOffset
  let syncing = false
  // A forced sync asked for while one runs (the device clock jumped) runs right after it.
  let again = false
  let synced = false
  let lastSync = Number.NEGATIVE_INFINITY
  let failures = 0
  let timer: ReturnType<Timers['set']> | undefined
  const sleep = (ms: number) => new Promise<void>((resolve) => timers.set(resolve, ms))

  const takeSamples = async () => {
    const samples: Sample[] = []
    for (let i = 0; i < SAMPLES && !isHidden(); i++) {
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
        input.onOffset(offset)
      }
    }
    return estimateOffset(samples)
  }

  const settle = (estimate: Estimate | undefined) => {
    if (estimate) {
      synced = true
      failures = 0
      lastSync = monoNow()
      input.onSynced(estimate)
      timer = timers.set(() => void (isHidden() || sync(true)), RESYNC_MS)
    } else if (!isHidden()) {
      failures += 1
      if (!synced) input.onFailed()
      const delay = Math.min(RESYNC_MS, FIRST_RETRY_MS * 2 ** (failures - 1))
      timer = timers.set(() => void sync(true), delay)
    }
  }

  const sync = async (force = false): Promise<void> => {
    if (syncing) {
      again ||= force
      return
    }
    if (!force && monoNow() - lastSync < MIN_RESYNC_GAP_MS) return
    syncing = true
    timers.clear(timer)
    const estimate = await takeSamples()
    syncing = false
    if (again) {
      again = false
      return sync(true)
    }
    settle(estimate)
  }

  return { sync, offset: () => offset }
}
