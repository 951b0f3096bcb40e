// Phase: the service at half its maximum rate without pipelining, for latency short of saturation.
import { measureAutocannon } from '../load-autocannon.ts'
import { measureWrk } from '../load-wrk.ts'
import { loadCpus } from '../machine.ts'
import { fixed, liveTable } from '../markdown.ts'
import { figuresOf } from '../measured.ts'
import type { Bench } from '../options.ts'
import { SERVICE } from '../server-kinds.ts'
import type { Server } from '../servers.ts'
import type { MaxRate } from './max-rate.ts'

/** Each paced connection's wait after each answer: wrk's delay() counts whole milliseconds. */
export const PACE_MS = 1

/**
 * The service at half its maximum rate under wrk, paced: each connection waits PACE_MS after each
 * answer, so the requests come evenly, as from many independent clients. N connections ask about
 * N / (PACE_MS + the answer's time) requests per second; two warm-ups correct N. The replay floor
 * gets the same connections, for the same bytes: what the machine and wrk add to any server's tail.
 */
const pacedHalfRate = async (
  { options, machine }: Bench,
  [service, floor]: [Server, Server],
  path: string,
  target: number,
) => {
  const pace = (server: Server, count: number, seconds: number) =>
    measureWrk(server, path, {
      connections: count,
      seconds,
      delayMs: PACE_MS,
      cpuList: loadCpus(machine),
    })
  let count = Math.max(1, Math.round((target * PACE_MS * 1.1) / 1000))
  for (let step = 0; step < 2; step++) {
    const warm = await pace(service, count, Math.max(1, Math.round(options.warmupSeconds / 2)))
    count = Math.min(512, Math.max(1, Math.round((count * target) / warm.rps)))
  }
  const half = await pace(service, count, options.seconds)
  const onFloor = await pace(floor, count, options.seconds)
  return {
    half,
    floorP99: onFloor.p99,
    cells: [
      count,
      ...[half, onFloor].flatMap((run) => [fixed(run.rps), fixed(run.p50, 2), fixed(run.p99, 2)]),
    ],
  }
}

/**
 * Without wrk, autocannon's `overallRate`, which sends each second's share in a burst at the start
 * of the second (its p99 is the queue behind that burst).
 */
const burstHalfRate = async ({ options }: Bench, service: Server, path: string, target: number) => {
  const load = { connections: options.connections, pipelining: 1, overallRate: target }
  await measureAutocannon(service, path, { ...load, duration: options.warmupSeconds })
  const half = await measureAutocannon(service, path, { ...load, duration: options.seconds })
  return {
    half,
    floorP99: undefined,
    cells: [fixed(half.rps), fixed(half.p50, 2), fixed(half.p99, 2)],
  }
}

/** The route of the highest p99, and the replay floor's at the same load (paced only). */
export type WorstP99 = { path: string; p99: number; floorP99: number | undefined }
export type HalfRate = { lines: string[]; worst: WorstP99; paced: boolean }

/** Paced by wrk when it measured the maximum, else in autocannon's bursts. */
export const measureHalfRate = async (
  bench: Bench,
  [service, floor]: [Server, Server],
  maxRate: MaxRate,
  maxTool: string,
): Promise<HalfRate> => {
  const paced = maxTool === 'wrk'
  const table = liveTable([
    'route',
    `maximum req/s (${maxTool})`,
    'target req/s',
    ...(paced ? ['connections'] : []),
    'achieved req/s',
    'p50 ms',
    'p99 ms',
    ...(paced ? ['replay floor at the same load: req/s', 'p50 ms', 'p99 ms'] : []),
  ])
  let worst: WorstP99 = { path: '', p99: 0, floorP99: undefined }
  for (const path of bench.options.routes) {
    const maxRps = figuresOf(maxRate.results, path, maxTool, SERVICE).rps
    const target = Math.round(maxRps / 2)
    const { half, floorP99, cells } = paced
      ? await pacedHalfRate(bench, [service, floor], path, target)
      : await burstHalfRate(bench, service, path, target)
    if (half.p99 >= worst.p99) worst = { path, p99: half.p99, floorP99 }
    table.add([`\`${path}\``, fixed(maxRps), target, ...cells])
  }
  return { lines: table.lines, worst, paced }
}
