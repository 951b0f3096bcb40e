// Log lines under a flood: a few a second get through, and the next one says how many did not.

export type LogSampler = {
  /** undefined: stay silent; a number: log, adding how many lines were held back since the last. */
  take(now: number): number | undefined
}

export const createLogSampler = ({ perWindow = 10, windowMs = 1000 } = {}): LogSampler => {
  let windowStart = Number.NEGATIVE_INFINITY
  let used = 0
  let held = 0
  return {
    take(now) {
      if (now - windowStart >= windowMs) {
        windowStart = now
        used = 0
      }
      if (used >= perWindow) {
        held++
        return undefined
      }
      used++
      const report = held
      held = 0
      return report
    },
  }
}
