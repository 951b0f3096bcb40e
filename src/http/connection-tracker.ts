// Every open connection's state: idle (no request in flight) or busy, and busy ones whose
// answers are not being read (stalled), for the connection cap and the drain at shutdown.
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { Admit } from './node-server.ts'

type Busy = {
  requests: number
  /** Bytes not yet taken by the kernel at the last sweep, and since when they have not shrunk. */
  pending: number
  stuckSince: number | undefined
}

export type ConnectionTracker = {
  /** Follows the server's connections from now on, and sweeps them until it closes. */
  attach(server: Server): void
  /** Counts a request in; false (the connection destroyed) past `maxPipelined`. */
  admit: Admit
  readonly open: number
  /** Idle sockets, longest idle first, with when each went idle (ms). */
  readonly idle: ReadonlyMap<Socket, number>
  /** Busy sockets whose answers have gone unread for `stallMs`, first stalled first. */
  readonly stalled: ReadonlySet<Socket>
  /** Destroys the longest-idle socket, else the first stalled one; false if there is neither. */
  reclaim(): boolean
}

export type TrackerOptions = {
  /** A busy socket counts as stalled once its answers go unread this long (ms). */
  stallMs: number
  /** A socket none of whose answers' bytes have been read this long (ms) is destroyed. */
  stuckMs: number
  /** Requests one connection may have in flight, pipelined; beyond it the connection goes. */
  maxPipelined: number
  /** How often the write buffers are looked at (ms). */
  sweepEveryMs: number
}

// Bytes the socket holds for the kernel: Node's buffer, and libuv's queue (which shrinks as the
// peer reads, even mid-write).
const pendingOf = (socket: Socket) =>
  socket.writableLength +
  ((socket as Socket & { _handle?: { writeQueueSize?: number } })._handle?.writeQueueSize ?? 0)

type State = {
  // Insertion order is idle order: the first entry has been idle longest.
  idle: Map<Socket, number>
  busy: Map<Socket, Busy>
  stalled: Set<Socket>
  open: number
}

const follow = (state: State, server: Server) =>
  server.on('connection', (socket: Socket) => {
    // Refused at the cap.
    if (socket.destroyed) return
    state.open += 1
    state.idle.set(socket, Date.now())
    socket.once('close', () => {
      state.open -= 1
      state.idle.delete(socket)
      state.busy.delete(socket)
      state.stalled.delete(socket)
    })
  })

const admitInto =
  (state: State, maxPipelined: number): Admit =>
  (request, response) => {
    const socket = request.socket
    if (socket.destroyed) return false
    state.idle.delete(socket)
    const busy = state.busy.get(socket)
    if (!busy) state.busy.set(socket, { requests: 1, pending: 0, stuckSince: undefined })
    else if (++busy.requests > maxPipelined) {
      // Each queued answer is held in memory until the ones before it are read.
      socket.destroy()
      return false
    }
    response.once('close', () => {
      const now = state.busy.get(socket)
      if (!now || --now.requests > 0) return
      state.busy.delete(socket)
      state.stalled.delete(socket)
      if (!socket.destroyed) state.idle.set(socket, Date.now())
    })
    return true
  }

const sweep = (state: State, { stallMs, stuckMs }: TrackerOptions, now: number) => {
  for (const [socket, busy] of state.busy) {
    const pending = pendingOf(socket)
    // Unread answers are what a reader has not taken: any byte taken resets the clock.
    if (pending === 0 || pending < busy.pending) busy.stuckSince = undefined
    else busy.stuckSince ??= now
    busy.pending = pending
    const stuckFor = busy.stuckSince === undefined ? 0 : now - busy.stuckSince
    if (stuckFor >= stuckMs) socket.destroy()
    else if (stuckFor >= stallMs) state.stalled.add(socket)
    else state.stalled.delete(socket)
  }
}

export const createConnectionTracker = (options: TrackerOptions): ConnectionTracker => {
  const state: State = { idle: new Map(), busy: new Map(), stalled: new Set(), open: 0 }
  return {
    attach: (server) => {
      follow(state, server)
      const sweeper = setInterval(() => sweep(state, options, Date.now()), options.sweepEveryMs)
      sweeper.unref()
      server.once('close', () => clearInterval(sweeper))
    },
    admit: admitInto(state, options.maxPipelined),
    get open() {
      return state.open
    },
    idle: state.idle,
    stalled: state.stalled,
    reclaim: () => {
      const victim = state.idle.keys().next().value ?? state.stalled.values().next().value
      if (!victim) return false
      // Out of both at once: its close event comes a tick later, after other newcomers.
      state.idle.delete(victim)
      state.stalled.delete(victim)
      victim.destroy()
      return true
    },
  }
}
