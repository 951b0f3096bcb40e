// The soak's memory verdict: RSS growth after warm-up, so that the check says "leak" only for a
// leak. The first minute at a steady rate still holds the warm-up (code being optimized, V8's heap
// growing to its working size, what the capacity run before the soak left), which alone measured
// +10-11 % over a 60 s soak. A leak keeps growing after it: growth is the mean RSS of the last
// window against the mean of the window right after warm-up, minute 2 against the last minute of
// the default 4-minute soak. And what is judged is RSS less V8's young generation: under a steady
// high rate V8 grows the young generation in steps for minutes (14 → 28 → 52 MiB measured) while
// the old generation holds still; a leak grows what is left.

/** Growth at or above this share, after warm-up, is a leak. */
export const GROWTH_LIMIT = 0.1
/** The window's length when the soak is long enough: warm-up, minute 2, …, the last minute. */
export const FULL_WINDOW_SECONDS = 60
/** The shortest soak whose growth is judged: a minute of warm-up, minute 2, at least a minute between, the last minute. */
export const JUDGED_SOAK_SECONDS = 4 * FULL_WINDOW_SECONDS

/**
 * One reading, `seconds` after the soak's start: `kb` is what is judged, RSS less the young
 * generation V8 grew into (bench/load-drain.ts), and `rssKb` the whole RSS, shown beside it.
 */
export type RssSample = { seconds: number; kb: number; rssKb?: number }

export type RssWindow = { from: number; to: number; meanKb: number; samples: number }

export type RssGrowth = {
  /** Right after warm-up: [window, 2 × window). */
  baseline: RssWindow
  /** The soak's last window: [soak − window, soak]. */
  last: RssWindow
  /** (last − baseline) / baseline. */
  growth: number
  /** False for a soak shorter than JUDGED_SOAK_SECONDS: its windows are shorter than warm-up. */
  judged: boolean
  /** Judged, and grew by GROWTH_LIMIT or more. */
  leak: boolean
}

/** A minute, or a quarter of a shorter soak. */
export const rssWindowSeconds = (soakSeconds: number) =>
  Math.min(FULL_WINDOW_SECONDS, soakSeconds / 4)

const windowOf = (samples: RssSample[], from: number, to: number): RssWindow => {
  const inside = samples.filter(({ seconds }) => seconds >= from && seconds <= to)
  if (inside.length < 3)
    throw new Error(
      `RSS: ${inside.length} samples between ${from} s and ${to} s, 3 at least needed`,
    )
  const meanKb = inside.reduce((sum, { kb }) => sum + kb, 0) / inside.length
  return { from, to, meanKb, samples: inside.length }
}

/** Mean RSS in kB of each window in turn, the soak's shape: flattening, or climbing to the end. */
export const windowMeans = (samples: RssSample[], soakSeconds: number): number[] => {
  const window = rssWindowSeconds(soakSeconds)
  const means: number[] = []
  for (let from = 0; from + window <= soakSeconds + 1e-9; from += window) {
    const inside = samples.filter(({ seconds }) => seconds >= from && seconds < from + window)
    if (inside.length) means.push(inside.reduce((sum, { kb }) => sum + kb, 0) / inside.length)
  }
  return means
}

/**
 * Growth after warm-up. A soak shorter than JUDGED_SOAK_SECONDS is split in quarters instead
 * (the second quarter against the last), reported but not judged.
 */
export const rssGrowth = (samples: RssSample[], soakSeconds: number): RssGrowth => {
  const window = rssWindowSeconds(soakSeconds)
  const baseline = windowOf(samples, window, 2 * window)
  const last = windowOf(samples, soakSeconds - window, soakSeconds)
  const growth = (last.meanKb - baseline.meanKb) / baseline.meanKb
  const judged = soakSeconds >= JUDGED_SOAK_SECONDS
  return { baseline, last, growth, judged, leak: judged && !(growth < GROWTH_LIMIT) }
}
