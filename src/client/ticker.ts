// The clock's tick: on every whole second of the server's time, and a resync when time jumps.
import { msUntilNextSecond } from './sync.ts'
import type { Timers } from './timers.ts'

// Wall and monotonic time parting by more than this means the device clock was set, or it slept.
export const JUMP_MS = 1_000

export type TickerInput = {
  /** The device's clock (Date.now) and monotonic ms (performance.now). */
  wallNow: () => number
  monoNow: () => number
  timers: Timers
  /** Server minus device, ms: the sync loop's estimate. */
  offset: () => number
  /** Whether the server's time `now` has reached the zone's transition (true once). */
  reached: (now: number) => boolean
  /** The device clock jumped, or the zone's offset changes: ask the server now. */
  resync: () => void
  /** Shows the server's time `now`. */
  show: (now: number) => void
}

export type Ticker = {
  /** Shows the time now and aims the next tick at the next whole second. */
  tick: () => void
  stop: () => void
}

export const createTicker = ({
  wallNow,
  monoNow,
  timers,
  offset,
  reached,
  resync,
  show,
}: TickerInput): Ticker => {
  let timer: ReturnType<Timers['set']> | undefined
  let lastWall = wallNow()
  let lastMono = monoNow()
  const tick = () => {
    timers.clear(timer)
    const wall = wallNow()
    const mono = monoNow()
    const jumped = Math.abs(wall - lastWall - (mono - lastMono)) > JUMP_MS
    lastWall = wall
    lastMono = mono
    const now = wall + offset()
    // At the zone's transition the server knows the new offset: ask it, once.
    const transition = reached(now)
    if (jumped || transition) resync()
    show(now)
    timer = timers.set(tick, msUntilNextSecond(now))
  }
  return { tick, stop: () => timers.clear(timer) }
}
