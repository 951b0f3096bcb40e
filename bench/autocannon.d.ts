// The part of autocannon's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export type Options = {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    overallRate?: number
    connectionRate?: number
    reconnectRate?: number
    timeout?: number
  }

  type Summary = { average: number; mean: number; p50: number; p99: number; total: number }

  export type Result = {
    duration: number
    requests: Summary
    latency: Summary
    errors: number
    timeouts: number
    non2xx: number
  }

  export type Instance = EventEmitter & PromiseLike<Result>

  export default function autocannon(options: Options): Instance
}
