// Phase: each route at full speed on every server in turn, by each load generator; then the req/s
// tables, one per load generator, who was the limit and the latency at full speed.
import { measureAutocannon } from '../load-autocannon.ts'
import type { Measured, Results, Tool } from '../measured.ts'
import type { Bench } from '../options.ts'
import { FIXED_PATH, kindOf } from '../server-kinds.ts'
import type { Server } from '../servers.ts'
import { limitTable, rateTables, warnStarved } from './max-rate-tables.ts'

export type MaxRate = { lines: string[]; detail: string[]; results: Results }

/** Per tool, per server: the fastest run so far. */
type Kept = Map<string, Map<string, Measured>>

const keepFastest = async (server: Server, path: string, tools: Tool[], kept: Kept | undefined) => {
  for (const tool of tools) {
    const run = await tool.run(server, path)
    const byServer = kept?.get(tool.name)
    const best = byServer?.get(server.name)
    if (!best || run.rps > best.rps) byServer?.set(server.name, run)
  }
}

/**
 * Rounds pass over every route, minutes apart, and each server keeps its fastest run of a route:
 * another job on the machine only ever slows a run down (seen here: a floor at 23 and at 36
 * µs/req, minutes apart, and for a minute at a time). The minimal floor answers every path alike,
 * but is measured beside each route, as the reference of its ratios; Fastify alone on the same
 * answer, context only, once a round, at its start, its figures standing on every route.
 */
const measureRounds = async (
  { options }: Bench,
  servers: Server[],
  tools: Tool[],
  pipelining: number,
) => {
  const { routes, rounds, connections, warmupSeconds } = options
  const emptyKept = (): Kept => new Map(tools.map(({ name }) => [name, new Map()]))
  const results: Results = new Map(routes.map((path) => [path, emptyKept()]))
  const fixedKept = emptyKept()
  const fixed = servers.filter(({ name }) => kindOf(name).oncePerRound)
  const perRoute = servers.filter(({ name }) => !kindOf(name).oncePerRound)
  const warmUp = { connections, pipelining, duration: warmupSeconds }
  for (let round = 0; round < rounds; round++) {
    for (const server of fixed) {
      if (round === 0) await measureAutocannon(server, FIXED_PATH, warmUp)
      await keepFastest(server, FIXED_PATH, tools, fixedKept)
    }
    for (const path of routes)
      for (const server of perRoute) {
        if (round === 0) await measureAutocannon(server, path, warmUp)
        await keepFastest(server, path, tools, results.get(path))
      }
    if (round < rounds - 1) console.log(`bench: round ${round + 1} of ${rounds} done`)
  }
  for (const byTool of results.values())
    for (const [tool, byServer] of fixedKept)
      for (const [name, run] of byServer) byTool.get(tool)?.set(name, run)
  return results
}

/**
 * Each route at full speed on every server in turn: an autocannon warm-up, then one run by each
 * tool back to back, so a route's figures on the replay floor and on the service are minutes apart
 * at most. The tables are printed once all is measured.
 */
export const measureMaxRate = async (
  bench: Bench,
  servers: Server[],
  tools: Tool[],
  pipelining: number,
): Promise<MaxRate> => {
  const { routes } = bench.options
  const results = await measureRounds(bench, servers, tools, pipelining)
  const lines = rateTables(results, routes, servers, tools)
  const detail = limitTable(results, routes, servers, tools)
  console.log(`\n${lines.join('\n')}\n\n${detail.join('\n')}`)
  warnStarved(results)
  return { lines, detail, results }
}
