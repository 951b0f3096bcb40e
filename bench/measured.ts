// What one measured run gives, whichever tool loaded the server, and the rule that voids a run.
import type { Server } from './servers.ts'

export type Measured = {
  rps: number
  /** Latency percentiles, in ms. */
  p50: number
  p99: number
  /** The server's CPU time: its share of the run, and per request in µs. */
  cpuShare: number
  cpuUs: number
  /** The load generator's own CPU time as a share of the run. */
  clientShare: number
}

/** A load generator, as the tables name it, and one measured run of a server's route. */
export type Tool = { name: string; run: (server: Server, path: string) => Promise<Measured> }

/** A stray reset is reported; more than one failed answer in a thousand voids the run. */
export const judgeFailures = (what: string, failed: number, total: number, detail: string) => {
  if (!failed) return
  const message = `${what}: ${detail}`
  if (failed > total / 1000) throw new Error(message)
  console.warn(`bench: ${message}`)
}

/** Per route, per tool, per server: one measured run. */
export type Results = Map<string, Map<string, Map<string, Measured>>>

export const figuresOf = (results: Results, path: string, tool: string, server: string) => {
  const measured = results.get(path)?.get(tool)?.get(server)
  if (!measured) throw new Error(`no ${tool} figures for ${server} ${path}`)
  return measured
}
