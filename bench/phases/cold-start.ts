// Phase: start-up, spawn to the first 200 of `/`, with every CPU free, as a pod scheduled on an
// idle node would have; the median of BENCH_COLD_RUNS starts of each server.
import { allCpus } from '../machine.ts'
import type { Bench } from '../options.ts'
import { SERVICE } from '../server-kinds.ts'
import { stopServer } from '../servers.ts'
import type { Start } from '../start-servers.ts'

/** The median start-up in ms of each server by name. */
export type ColdStarts = Map<string, number>

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const coldStart = async ({ options, machine }: Bench, name: string, start: Start) => {
  const times: number[] = []
  for (let run = 0; run < options.coldRuns; run++) {
    const server = await start(name, allCpus(machine))
    times.push(server.coldMs)
    await stopServer(server)
  }
  return median(times)
}

/** The service first, then each reference. */
export const measureColdStarts = async (bench: Bench, start: Start): Promise<ColdStarts> => {
  const names = bench.options.kinds.map(({ name }) => name).filter((name) => name !== SERVICE)
  const cold: ColdStarts = new Map()
  for (const name of [SERVICE, ...names]) cold.set(name, await coldStart(bench, name, start))
  return cold
}
