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

export const createConnectionTracker = ({
  stallMs,
  stuckMs,
  maxPipelined,
  sweepEveryMs,
}: TrackerOptions): ConnectionTracker => {
  // Insertion order is idle order: the first entry has been idle longest.
  const idle = new Map<Socket, number>()
  const busy = new Map<Socket, Busy>()
  const stalled = new Set<Socket>()
  let open = 0
  const attach = (server: Server) => {
    server.on('connection', (socket: Socket) => {
      // Refused at the cap.
      if (socket.destroyed) return
      open += 1
      idle.set(socket, Date.now())
      socket.once('close', () => {
        open -= 1
        idle.delete(socket)
        busy.delete(socket)
        stalled.delete(socket)
      })
    })
    const sweeper = setInterval(() => sweep(Date.now()), sweepEveryMs).unref()
    server.once('close', () => clearInterval(sweeper))
  }
  const admit: Admit = (request, response) => {
    const socket = request.socket
    if (socket.destroyed) return false
    idle.delete(socket)
    const state = busy.get(socket)
    if (!state) busy.set(socket, { requests: 1, pending: 0, stuckSince: undefined })
    else if (++state.requests > maxPipelined) {
      // Each queued answer is held in memory until the ones before it are read.
      socket.destroy()
      return false
    }
    response.once('close', () => {
      const now = busy.get(socket)
      if (!now || --now.requests > 0) return
      busy.delete(socket)
      stalled.delete(socket)
      if (!socket.destroyed) idle.set(socket, Date.now())
    })
    return true
  }
  const sweep = (now: number) => {
    for (const [socket, state] of busy) {
      const pending = pendingOf(socket)
      // Unread answers are what a reader has not taken: any byte taken resets the clock.
      if (pending === 0 || pending < state.pending) state.stuckSince = undefined
      else state.stuckSince ??= now
      state.pending = pending
      const stuckFor = state.stuckSince === undefined ? 0 : now - state.stuckSince
      if (stuckFor >= stuckMs) socket.destroy()
      else if (stuckFor >= stallMs) stalled.add(socket)
      else stalled.delete(socket)
    }
  }
  return {
    attach,
    admit,
    get open() {
      return open
    },
    idle,
    stalled,
    reclaim: () => {
      const victim = idle.keys().next().value ?? stalled.values().next().value
      if (!victim) return false
      // Out of both at once: its close event comes a tick later, after other newcomers.
      idle.delete(victim)
      stalled.delete(victim)
      victim.destroy()
      return true
    },
  }
}
