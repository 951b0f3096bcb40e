// Phase: each route at full speed on every server in turn, by each load generator; prints the req/s
// table as it goes, then who was the limit and the latency at full speed.
import { measureAutocannon } from '../load-autocannon.ts'
import { liveTable } from '../markdown.ts'
import type { Results, Tool } from '../measured.ts'
import type { Bench } from '../options.ts'
import type { Server } from '../servers.ts'
import { limitTable, rateHeader, rateRow, warnStarved } from './max-rate-tables.ts'

export type MaxRate = { lines: string[]; detail: string[]; results: Results }

/**
 * Rounds pass over every route, minutes apart, and each server keeps its fastest run of a route:
 * another job on the machine only ever slows a run down (seen here: the floor itself at 23 and
 * at 36 µs/req, minutes apart, and for a minute at a time).
 */
const measureRounds = async (
  { options }: Bench,
  servers: Server[],
  tools: Tool[],
  pipelining: number,
) => {
  const { routes, rounds, connections, warmupSeconds } = options
  const results: Results = new Map(
    routes.map((path) => [path, new Map(tools.map(({ name }) => [name, new Map()]))]),
  )
  const warmUp = { connections, pipelining, duration: warmupSeconds }
  for (let round = 0; round < rounds; round++) {
    for (const path of routes) {
      for (const server of servers) {
        if (round === 0) await measureAutocannon(server, path, warmUp)
        for (const tool of tools) {
          const run = await tool.run(server, path)
          const kept = results.get(path)?.get(tool.name)
          const best = kept?.get(server.name)
          if (!best || run.rps > best.rps) kept?.set(server.name, run)
        }
      }
    }
    if (round < rounds - 1) console.log(`bench: round ${round + 1} of ${rounds} done`)
  }
  return results
}

/**
 * Each route at full speed on every server in turn: an autocannon warm-up, then one run by each
 * tool back to back, so a route's figures on the floor and on the service are minutes apart at
 * most. Prints the req/s table row by row; the latency table is printed once all is measured.
 */
export const measureMaxRate = async (
  bench: Bench,
  servers: Server[],
  tools: Tool[],
  pipelining: number,
): Promise<MaxRate> => {
  const { routes } = bench.options
  const table = liveTable(rateHeader(servers, tools))
  const results = await measureRounds(bench, servers, tools, pipelining)
  for (const path of routes) table.add(rateRow(results, path, servers, tools))
  const detail = limitTable(results, routes, servers, tools)
  console.log(`\n${detail.join('\n')}`)
  warnStarved(results, routes.length * tools.length * servers.length)
  return { lines: table.lines, detail, results }
}
