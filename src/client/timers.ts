// Timers as the script's parts take them: the browser's own, or a test's that it runs by hand.

export type TimerId = ReturnType<typeof setTimeout>

export type Timers = {
  set: (run: () => void, ms: number) => TimerId
  clear: (id: TimerId | undefined) => void
}

export const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (id) => clearTimeout(id),
}
