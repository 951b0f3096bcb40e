// npm run bench's options, from its flags and environment (the head of bench/run.ts lists them).
import type { Machine } from './machine.ts'
import { selectRoutes } from './routes.ts'
import { kindsFor, type ServerKind } from './server-kinds.ts'

export type BenchOptions = {
  seconds: number
  warmupSeconds: number
  connections: number
  logLevel: string
  coldRuns: number
  rounds: number
  skipBuild: boolean
  write: boolean
  pipelined: boolean
  /** The servers measured: the two floors and the service always, Fastify alone unless --no-fastify. */
  kinds: ServerKind[]
  /** The routes measured. */
  routes: string[]
  /** On CI a missing wrk fails the bench instead of leaving its columns out. */
  ci: boolean
  /** The git revision whose docs/performance.md gives the targets' "before" column (HEAD). */
  before: string
}

/** What every phase is given: the options and the machine they run on. */
export type Bench = { options: BenchOptions; machine: Machine }

/** autocannon's requests in flight per connection with --pipelined. */
export const PIPELINING = 10

export const readOptions = (args: string[], env: NodeJS.ProcessEnv): BenchOptions => ({
  seconds: Number(env.BENCH_SECONDS ?? 5),
  warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  connections: Number(env.BENCH_CONNECTIONS ?? 32),
  logLevel: env.BENCH_LOG_LEVEL ?? 'info',
  coldRuns: Number(env.BENCH_COLD_RUNS ?? 10),
  rounds: Number(env.BENCH_ROUNDS ?? 2),
  skipBuild: Boolean(env.BENCH_SKIP_BUILD),
  write: args.includes('--write'),
  pipelined: args.includes('--pipelined'),
  kinds: kindsFor(args),
  routes: selectRoutes(env.BENCH_ROUTES),
  ci: env.CI === 'true',
  before: env.BENCH_BEFORE ?? 'HEAD',
})
