// Timers that run only when a test moves time on: the script's parts, without a browser or waiting.
import type { TimerId, Timers } from '../../src/client/timers.ts'

/** Lets every settled promise run its callbacks. */
export const settle = () => new Promise((resolve) => setImmediate(resolve))

export const manualTimers = () => {
  let now = 0
  let nextId = 1
  const pending = new Map<number, { at: number; run: () => void }>()
  const timers: Timers = {
    set: (run, ms) => {
      const id = nextId++
      pending.set(id, { at: now + ms, run })
      return id as unknown as TimerId
    },
    clear: (id) => {
      pending.delete(id as unknown as number)
    },
  }
  /** Runs every timer due within `ms`, in order, each at its time, promises settling between. */
  const advance = async (ms: number) => {
    const end = now + ms
    for (;;) {
      await settle()
      const [id, next] = [...pending].sort(([, a], [, b]) => a.at - b.at)[0] ?? []
      if (id === undefined || !next || next.at > end) break
      pending.delete(id)
      now = next.at
      next.run()
    }
    now = end
    await settle()
  }
  /** The delays of the timers now pending, from now. */
  const delays = () => [...pending.values()].map(({ at }) => at - now).sort((a, b) => a - b)
  return { timers, advance, delays, now: () => now }
}
