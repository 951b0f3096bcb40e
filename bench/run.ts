// `npm run bench`: the production bundle beside bare node:http (the minimal floor, a fixed 30-byte
// answer, and the replay floor, the service's own bytes) and Fastify alone (on each of the two), in
// one run on one machine, each route loaded by autocannon and by Debian's wrk. Loopback only and
// bounded in time (about 13 minutes at the defaults); docs/performance.md explains each figure.
//   --write       also put the report into docs/performance.md
//   --no-fastify  leave Fastify alone out (about three minutes less)
//   --pipelined   also measure with autocannon at pipelining 10 (about six minutes more)
// Environment: BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (32),
// BENCH_LOG_LEVEL (info), BENCH_COLD_RUNS (10), BENCH_ROUNDS (2; each server's fastest run kept),
// BENCH_SKIP_BUILD (unset), BENCH_ROUTES (all but /readyz), BENCH_BEFORE (HEAD: the commit whose
// docs/performance.md gives the targets' "before"). Without wrk on PATH the bench leaves its
// columns out and says so; with CI=true it fails instead.
// The phases, in order: start the servers (bench/start-servers.ts), then bench/phases/: answers on
// the wire, idle memory, maximum rate, half rate, cold start, the place index beside the IP table;
// then the report (bench/report.ts).
import { spawnSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { autocannonTool } from './load-autocannon.ts'
import { WRK_MISSING, wrkTool } from './load-wrk.ts'
import { loadCpus, readMachine } from './machine.ts'
import { fixed } from './markdown.ts'
import { type Bench, PIPELINING, readOptions } from './options.ts'
import { measureColdStarts } from './phases/cold-start.ts'
import { measureHalfRate } from './phases/half-rate.ts'
import { measureMaxRate } from './phases/max-rate.ts'
import { idleMemory, samplePeakMemory } from './phases/memory.ts'
import { measureTables } from './phases/tables.ts'
import { measureWire } from './phases/wire.ts'
import { report } from './report.ts'
import { MINIMAL, REPLAY, SERVICE } from './server-kinds.ts'
import { ROOT, type Server, stopServer } from './servers.ts'
import { startServers } from './start-servers.ts'
import { writeReport } from './write-docs.ts'

const bench: Bench = {
  options: readOptions(process.argv.slice(2), process.env),
  machine: readMachine(),
}
const { options, machine } = bench

const checkWrk = () => {
  if (machine.wrk) return
  if (options.ci) throw new Error(`${WRK_MISSING}; with CI=true the bench needs it`)
  console.warn(`bench: ${WRK_MISSING}. Its columns and the targets judged under it are left out.`)
}

const buildService = () => {
  if (options.skipBuild) return
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('the build failed')
}

/** The load generators, each a group of columns: autocannon, then wrk when it is installed. */
const loadTools = () => {
  const { connections, seconds } = options
  const wrk = wrkTool({ connections, seconds, cpuList: loadCpus(machine) })
  return [autocannonTool(connections, seconds), ...(machine.wrk ? [wrk] : [])]
}

const find = (servers: Server[], name: string) => {
  const server = servers.find((started) => started.name === name)
  if (!server) throw new Error(`no ${name} server`)
  return server
}

const main = async () => {
  const started = performance.now()
  checkWrk()
  buildService()
  console.log(`bench: ${machine.description}`)
  console.log(
    `bench: ${options.connections} connections, ${options.warmupSeconds} s warm-up then ${options.seconds} s per run, service at LOG_LEVEL=${options.logLevel}`,
  )
  const { servers, start, remove } = await startServers(bench)
  const [service, minimal] = [find(servers, SERVICE), find(servers, MINIMAL)]
  const wire = await measureWire(servers)
  await sleep(500)
  const idle = idleMemory(service, minimal)
  const stopSampling = samplePeakMemory(service)
  const maxRate = await measureMaxRate(bench, servers, loadTools(), 1)
  const pipelined = options.pipelined
    ? await measureMaxRate(
        bench,
        servers,
        [autocannonTool(options.connections, options.seconds, PIPELINING)],
        PIPELINING,
      )
    : undefined
  const maxTool = machine.wrk ? 'wrk' : 'autocannon'
  const replay = find(servers, REPLAY)
  const halfRate = await measureHalfRate(bench, [service, replay], maxRate, maxTool)
  const peak = stopSampling()
  for (const server of servers) await stopServer(server)
  const cold = await measureColdStarts(bench, start)
  remove()
  const tables = measureTables()

  const text = report(bench, { wire, maxRate, pipelined, halfRate, cold, idle, peak, tables })
  console.log(`\n${text}\n`)
  console.log(`bench: done in ${fixed((performance.now() - started) / 1000)} s`)
  if (options.write) writeReport(text)
}

await main()
