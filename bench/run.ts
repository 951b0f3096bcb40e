// `npm run bench`: the production bundle beside a bare node:http floor, in one run on one machine,
// each route loaded by autocannon and by Debian's wrk. Loopback only and bounded in time (about
// six minutes at the defaults); docs/performance.md explains each figure.
//   --write      also put the report into docs/performance.md
//   --fastify    also measure Fastify alone (no plugins, no logging) replaying the same responses
//   --pipelined  also measure with autocannon at pipelining 10 (about 70 s more)
// Environment: BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (32),
// BENCH_LOG_LEVEL (info), BENCH_COLD_RUNS (10), BENCH_ROUNDS (2; each server's fastest run kept),
// BENCH_SKIP_BUILD (unset), BENCH_ROUTES (all). Without wrk on PATH the bench leaves its columns
// out and says so; with CI=true it fails instead.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { get, type IncomingMessage } from 'node:http'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildSync } from 'esbuild'
import { bundleOptions } from '../scripts/bundle-options.ts'
import { freePort } from '../scripts/free-port.ts'
import { cpuSeconds, statusKb } from '../scripts/proc.ts'
import type { CapturedResponse } from './floor-server.ts'
import { startLoad } from './start-load.ts'
import { runWrk, WRK_MISSING, wrkVersion } from './wrk.ts'

const root = new URL('..', import.meta.url).pathname
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32)
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info'
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 10)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)
const write = process.argv.includes('--write')
const withFastify = process.argv.includes('--fastify')
const withPipelining = process.argv.includes('--pipelined')
const PIPELINING = 10
const ALL_ROUTES = [
  '/api/timezone/Europe/Moscow',
  '/api/timezone/Europe/Moscow.txt',
  '/',
  '/healthz',
  '/readyz',
]
// BENCH_ROUTES=/healthz,/ measures those only: quicker A/B runs while profiling.
const ROUTES = process.env.BENCH_ROUTES
  ? ALL_ROUTES.filter((route) => process.env.BENCH_ROUTES?.split(',').includes(route))
  : ALL_ROUTES
/** The service's req/s as a share of the floor's, under wrk, that each route must reach. */
const RATIO_TARGETS = new Map([
  ['/api/timezone/Europe/Moscow', 0.75],
  ['/api/timezone/Europe/Moscow.txt', 0.75],
  ['/healthz', 0.9],
  ['/readyz', 0.9],
  ['/', 0.7],
])
const P99_TARGET_MS = 2
/** A run where neither the server nor the load generator was this busy was starved of CPU. */
const STARVED = 0.9
const wrk = wrkVersion()
const HOST = '127.0.0.1'
// node:http writes these itself on every response; replaying them would double them.
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])
// Each connection is replaced after this many requests, before the service's own cap (1000, in
// src/server-limits.ts) closes it: autocannon keeps a request lost to a server-side close in its
// queue and then times every later answer on that connection against the wrong request.
const RECONNECT_EVERY = 500

const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})
process.on('SIGINT', () => process.exit(130))

// Servers on CPU 0, this process (autocannon) and wrk on CPU 1: otherwise they fight for both cores.
const cpuCount = availableParallelism()
const pinned =
  cpuCount >= 2 &&
  spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0
const machine = [
  `${cpuCount} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`,
  `Node ${process.version}`,
  pinned ? 'servers pinned to CPU 0, load generators to CPU 1 (taskset)' : 'not pinned',
  wrk ?? 'no wrk',
  `load average ${loadavg()[0]?.toFixed(2)} at start`,
].join(', ')

/** The command for a server: on CPU 0 under load, on every CPU for the cold start. */
const command = (args: string[], cpuList: string): [string, string[]] =>
  pinned ? ['taskset', ['-c', cpuList, process.execPath, ...args]] : [process.execPath, args]

type Response = { status: number; rawHeaders: string[]; body: Buffer }

const fetchOnce = (port: number, path: string) =>
  new Promise<Response>((resolve, reject) => {
    get({ host: HOST, port, path, agent: false }, (response: IncomingMessage) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          rawHeaders: response.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      )
    }).on('error', reject)
  })

const devNull = openSync('/dev/null', 'w')

type Server = { name: string; port: number; child: ChildProcess; pid: number; coldMs: number }

type Setup = { args: string[]; env?: Record<string, string> }

/** Starts a server and resolves once `/` answers 200, with the time from spawn to that answer. */
const startServer = async (name: string, setup: (port: number) => Setup, cpuList = '0') => {
  const port = await freePort(HOST)
  const { args, env = {} } = setup(port)
  const [file, argv] = command(args, cpuList)
  const start = performance.now()
  const child = spawn(file, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    // Request logs go where a collector would read them, at the cost of one write(2) each.
    stdio: ['ignore', devNull, 'inherit'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`)
    const answer = await fetchOnce(port, '/').catch(() => undefined)
    if (answer?.status === 200) break
    if (answer) throw new Error(`${name}: / answered ${answer.status}`)
    if (performance.now() - start > 10_000) throw new Error(`${name} did not answer in 10 s`)
    await sleep(1)
  }
  const server: Server = {
    name,
    port,
    child,
    pid: child.pid ?? 0,
    coldMs: performance.now() - start,
  }
  return server
}

const stopServer = async ({ child }: Server) => {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))])
}

/** The service as shipped, its metrics listener on a free port (another instance may hold 9464). */
const startService = async (cpuList?: string) => {
  const metricsPort = String(await freePort(HOST))
  return startServer(
    'service',
    (port) => ({
      args: ['dist/server.mjs'],
      env: {
        PORT: String(port),
        METRICS_PORT: metricsPort,
        HOST,
        LOG_LEVEL: logLevel,
        SHUTDOWN_DELAY_MS: '0',
      },
    }),
    cpuList,
  )
}

type Measured = {
  rps: number
  p50: number
  p99: number
  /** The server's CPU time: its share of the run, and per request in µs. */
  cpuShare: number
  cpuUs: number
  /** The load generator's own CPU time as a share of the run. */
  clientShare: number
}

/** A stray reset is reported; more than one failed answer in a thousand voids the run. */
const judgeFailures = (what: string, failed: number, total: number, detail: string) => {
  if (!failed) return
  const message = `${what}: ${detail}`
  if (failed > total / 1000) throw new Error(message)
  console.warn(`bench: ${message}`)
}

/** One autocannon run; latencies are kept unrounded (autocannon's own histogram is in whole ms). */
const measure = async (
  server: Server,
  path: string,
  options: { pipelining: number; duration: number; overallRate?: number },
): Promise<Measured> => {
  const latencies: number[] = []
  const cpuBefore = cpuSeconds(server.pid)
  const clientBefore = process.cpuUsage()
  const { instance, result: done } = startLoad({
    url: `http://${HOST}:${server.port}${path}`,
    connections,
    pipelining: options.pipelining,
    duration: options.duration,
    reconnectRate: RECONNECT_EVERY,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  })
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  const result = await done
  const cpu = cpuSeconds(server.pid) - cpuBefore
  const client = process.cpuUsage(clientBefore)
  const { errors, timeouts, non2xx } = result
  judgeFailures(
    `autocannon, ${server.name} ${path}`,
    errors + timeouts + non2xx,
    result.requests.total,
    `${errors} errors, ${timeouts} timeouts, ${non2xx} non-2xx`,
  )
  const sorted = Float64Array.from(latencies).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return {
    rps: result.requests.total / result.duration,
    p50: at(0.5),
    p99: at(0.99),
    cpuShare: cpu / result.duration,
    cpuUs: (cpu * 1e6) / result.requests.total,
    clientShare: (client.user + client.system) / 1e6 / result.duration,
  }
}

/** One wrk run (no pipelining), wrk on CPU 1 beside the server on CPU 0; paced by `delayMs`. */
const measureWrk = async (
  server: Server,
  path: string,
  paced: { connections: number; seconds: number; delayMs: number } | undefined = undefined,
): Promise<Measured> => {
  const result = await runWrk({
    url: `http://${HOST}:${server.port}${path}`,
    serverPid: server.pid,
    connections,
    seconds,
    cpuList: pinned ? '1' : undefined,
    ...paced,
  })
  judgeFailures(
    `wrk, ${server.name} ${path}`,
    result.failed,
    result.requests,
    Object.entries(result.errors)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', '),
  )
  return result
}

/** A load generator, as the tables name it, and one measured run of a server's route. */
type Tool = { name: string; run: (server: Server, path: string) => Promise<Measured> }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const coldStart = async (start: () => Promise<Server>) => {
  const times: number[] = []
  for (let run = 0; run < coldRuns; run++) {
    const server = await start()
    times.push(server.coldMs)
    await stopServer(server)
  }
  return median(times)
}

const fixed = (value: number, digits = 0) => value.toFixed(digits)
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const percent = (ratio: number) => `${fixed(ratio * 100, 1)} %`

/** A Markdown table printed row by row as its figures come, and kept for the report. */
const liveTable = (header: string[]) => {
  const lines = [row(header), row(header.map((_, i) => (i ? '---:' : '---')))]
  console.log(`\n${lines.join('\n')}`)
  const add = (cells: (string | number)[]) => {
    const line = row(cells)
    lines.push(line)
    console.log(line)
  }
  return { lines, add }
}

const buildService = () => {
  if (process.env.BENCH_SKIP_BUILD) return
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('the build failed')
}

/** The real response of each route, once, for the floor to replay byte for byte. */
const captureRoutes = async (service: Server) => {
  const captured: CapturedResponse[] = []
  // Every route, measured or not: the floor's readiness and the cold starts ask for /.
  for (const path of ALL_ROUTES) {
    const response = await fetchOnce(service.port, path)
    if (response.status !== 200) throw new Error(`service: ${path} answered ${response.status}`)
    const headers: [string, string][] = []
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      const name = response.rawHeaders[i] ?? ''
      if (!NODE_HEADERS.has(name.toLowerCase()))
        headers.push([name, response.rawHeaders[i + 1] ?? ''])
    }
    captured.push({ path, status: 200, headers, body: response.body.toString('base64') })
  }
  return captured
}

/** The floor (and with --fastify, Fastify alone), replaying the captured answers. */
const startReferences = async (captured: CapturedResponse[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'moscow-bench-'))
  const capturedFile = join(dir, 'captured.json')
  writeFileSync(capturedFile, JSON.stringify(captured))
  // Bundled like the service, so no server pays for type stripping at start.
  const bundle = (name: string) => {
    const outfile = join(dir, `${name}.mjs`)
    buildSync({ ...bundleOptions, entryPoints: [join(root, 'bench', `${name}.ts`)], outfile })
    return (port: number) => ({ args: [outfile, capturedFile, String(port), HOST] })
  }
  const replayFloor = bundle('floor-server')
  const startFloor = (cpuList?: string) => startServer('floor', replayFloor, cpuList)
  const floor = await startFloor()
  const replayFastify = withFastify ? bundle('fastify-floor') : undefined
  const startFastify = replayFastify
    ? (cpuList?: string) => startServer('fastify', replayFastify, cpuList)
    : undefined
  const fastify = startFastify ? await startFastify() : undefined
  for (const { path, body } of captured) {
    const replayed = await fetchOnce(floor.port, path)
    if (replayed.body.length !== Buffer.from(body, 'base64').length)
      throw new Error(`floor: ${path} differs in size from the service's answer`)
  }
  return {
    floor,
    fastify,
    startFloor,
    startFastify,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

const idleMemory = (service: Server, floor: Server) => ({
  rss: statusKb(service.pid, 'VmRSS'),
  anon: statusKb(service.pid, 'RssAnon'),
  floor: statusKb(floor.pid, 'VmRSS'),
  floorAnon: statusKb(floor.pid, 'RssAnon'),
})

/** Samples the service's RSS every 100 ms until stopped; the peak includes the kernel's VmHWM. */
const samplePeakMemory = (service: Server) => {
  const peak = { rss: 0, anon: 0 }
  const sampler = setInterval(() => {
    peak.rss = Math.max(peak.rss, statusKb(service.pid, 'VmRSS'))
    peak.anon = Math.max(peak.anon, statusKb(service.pid, 'RssAnon'))
  }, 100)
  return () => {
    clearInterval(sampler)
    peak.rss = Math.max(peak.rss, statusKb(service.pid, 'VmHWM'))
    return peak
  }
}

/** Per route, per tool, per server: one measured run. */
type Results = Map<string, Map<string, Map<string, Measured>>>

const figuresOf = (results: Results, path: string, tool: string, server: string) => {
  const measured = results.get(path)?.get(tool)?.get(server)
  if (!measured) throw new Error(`no ${tool} figures for ${server} ${path}`)
  return measured
}

/**
 * Each route at full speed on every server in turn: an autocannon warm-up, then one run by each
 * tool back to back, so a route's figures on the floor and on the service are minutes apart at
 * most. Prints the req/s table row by row; the latency table is printed once all is measured.
 */
const measureMaxRate = async (servers: Server[], tools: Tool[], pipelining: number) => {
  const names = servers.map(({ name }) => (name === 'fastify' ? 'Fastify' : name)).join(' / ')
  const others = servers.filter(({ name }) => name !== 'floor')
  const label = (server: Server) => (server.name === 'fastify' ? 'Fastify alone' : server.name)
  const table = liveTable([
    'route',
    ...tools.flatMap((tool) => [
      `${tool.name}: floor req/s`,
      ...others.flatMap((server) => [`${label(server)} req/s`, 'ratio']),
      `CPU µs/req ${names}`,
    ]),
  ])
  const results: Results = new Map(
    ROUTES.map((path) => [path, new Map(tools.map(({ name }) => [name, new Map()]))]),
  )
  // Rounds pass over every route, minutes apart, and each server keeps its fastest run of a route:
  // another job on the machine only ever slows a run down (seen here: the floor itself at 23 and
  // at 36 µs/req, minutes apart, and for a minute at a time).
  for (let round = 0; round < rounds; round++) {
    for (const path of ROUTES) {
      for (const server of servers) {
        if (round === 0) await measure(server, path, { pipelining, duration: warmupSeconds })
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
  for (const path of ROUTES) {
    table.add([
      `\`${path}\``,
      ...tools.flatMap((tool) => {
        const floor = figuresOf(results, path, tool.name, 'floor')
        const figures = servers.map((server) => figuresOf(results, path, tool.name, server.name))
        return [
          fixed(floor.rps),
          ...others.flatMap((server) => {
            const { rps } = figuresOf(results, path, tool.name, server.name)
            return [fixed(rps), percent(rps / floor.rps)]
          }),
          figures.map(({ cpuUs }) => fixed(cpuUs, 1)).join(' / '),
        ]
      }),
    ])
  }
  // Who was the limit (a server's core full, or its load generator's), and latency at full speed.
  const detail = [
    row([
      'route',
      'load generator',
      `server CPU busy ${names}`,
      `load generator CPU busy, ${names} runs`,
      ...servers.map((server) => `p50 / p99 ms ${label(server)}`),
    ]),
    row(['---', '---', '---:', '---:', ...servers.map(() => '---:')]),
  ]
  for (const path of ROUTES)
    for (const tool of tools) {
      const figures = servers.map((server) => figuresOf(results, path, tool.name, server.name))
      detail.push(
        row([
          `\`${path}\``,
          tool.name,
          figures.map(({ cpuShare }) => percent(cpuShare)).join(' / '),
          figures.map(({ clientShare }) => percent(clientShare)).join(' / '),
          ...figures.map(({ p50, p99 }) => `${fixed(p50, 2)} / ${fixed(p99, 2)}`),
        ]),
      )
    }
  console.log(`\n${detail.join('\n')}`)
  // Neither core full: something else on the machine had the CPU, and the req/s are its noise.
  const starved = [...results.values()]
    .flatMap((byTool) => [...byTool.values()].flatMap((byServer) => [...byServer.values()]))
    .filter(({ cpuShare, clientShare }) => cpuShare < STARVED && clientShare < STARVED).length
  if (starved)
    console.warn(
      `bench: in ${starved} of ${ROUTES.length * tools.length * servers.length} runs neither the server's core nor the load generator's was ${percent(STARVED)} busy: other jobs had the CPU; those req/s are noise, CPU µs/req less so`,
    )
  return { lines: table.lines, detail, results }
}

type MaxRate = Awaited<ReturnType<typeof measureMaxRate>>

/** Each paced connection's wait after each answer: wrk's delay() counts whole milliseconds. */
const PACE_MS = 1

/**
 * The service at half its maximum rate under wrk, paced: each connection waits PACE_MS after each
 * answer, so the requests come evenly, as from many independent clients. N connections ask about
 * N / (PACE_MS + the answer's time) requests per second; two warm-ups correct N. The floor gets
 * the same connections: what the machine and wrk add to any server's tail.
 */
const pacedHalfRate = async (service: Server, floor: Server, path: string, target: number) => {
  const pace = (server: Server, count: number, duration: number) =>
    measureWrk(server, path, { connections: count, seconds: duration, delayMs: PACE_MS })
  let count = Math.max(1, Math.round((target * PACE_MS * 1.1) / 1000))
  for (let step = 0; step < 2; step++) {
    const warm = await pace(service, count, Math.max(1, Math.round(warmupSeconds / 2)))
    count = Math.min(512, Math.max(1, Math.round((count * target) / warm.rps)))
  }
  const half = await pace(service, count, seconds)
  const onFloor = await pace(floor, count, seconds)
  return {
    half,
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
const burstHalfRate = async (service: Server, path: string, target: number) => {
  const load = { pipelining: 1, overallRate: target }
  await measure(service, path, { ...load, duration: warmupSeconds })
  const half = await measure(service, path, { ...load, duration: seconds })
  return { half, cells: [fixed(half.rps), fixed(half.p50, 2), fixed(half.p99, 2)] }
}

/** The service at half its maximum rate without pipelining, for latency short of saturation. */
const measureHalfRate = async (
  service: Server,
  floor: Server,
  maxRate: MaxRate,
  maxTool: string,
) => {
  const paced = maxTool === 'wrk'
  const table = liveTable([
    'route',
    `maximum req/s (${maxTool})`,
    'target req/s',
    ...(paced ? ['connections'] : []),
    'achieved req/s',
    'p50 ms',
    'p99 ms',
    ...(paced ? ['floor at the same load: req/s', 'p50 ms', 'p99 ms'] : []),
  ])
  let worstP99 = 0
  for (const path of ROUTES) {
    const maxRps = figuresOf(maxRate.results, path, maxTool, 'service').rps
    const target = Math.round(maxRps / 2)
    const { half, cells } = paced
      ? await pacedHalfRate(service, floor, path, target)
      : await burstHalfRate(service, path, target)
    worstP99 = Math.max(worstP99, half.p99)
    table.add([`\`${path}\``, fixed(maxRps), target, ...cells])
  }
  return { lines: table.lines, worstP99, paced }
}

type Start = (cpuList?: string) => Promise<Server>

/** Start-up with every CPU free, as a pod scheduled on an idle node would have. */
const measureColdStarts = async (startFloor: Start, startFastify: Start | undefined) => {
  const allCpus = `0-${cpuCount - 1}`
  return {
    service: await coldStart(() => startService(allCpus)),
    floor: await coldStart(() => startFloor(allCpus)),
    fastify: startFastify ? await coldStart(() => startFastify(allCpus)) : undefined,
  }
}

type Figures = {
  maxRate: MaxRate
  pipelined: MaxRate | undefined
  halfRate: Awaited<ReturnType<typeof measureHalfRate>>
  cold: Awaited<ReturnType<typeof measureColdStarts>>
  idle: ReturnType<typeof idleMemory>
  peak: { rss: number; anon: number }
}

/**
 * The data tables the service holds, measured in a process of their own (bench/table-sizes.ts):
 * the memory targets allow for them. The bench never asks /api/ip, so the IP table is not loaded.
 */
const tableSizes = (): { tzdb: number; ipZones: number } => {
  const run = spawnSync(process.execPath, ['--expose-gc', 'bench/table-sizes.ts'], {
    cwd: root,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`bench/table-sizes.ts failed\n${run.stderr}`)
  return JSON.parse(run.stdout)
}

const targets = ({ maxRate, halfRate, cold, idle, peak }: Figures) => {
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  const tables = tableSizes()
  // KiB, as /proc reports: the tzdb table only, since the bench loads no IP table.
  const held = tables.tzdb / 1024
  const tablesSaid = `tzdb table ${mb(held)}; the IP table (${mb(tables.ipZones / 1024)}) is loaded by the first /api/ip only`
  const ratioRows = [...RATIO_TARGETS]
    .filter(([path]) => ROUTES.includes(path))
    .map(([path, target]) => {
      const name = `\`${path}\` ≥ ${fixed(target * 100)} % of the floor req/s, wrk`
      if (!wrk) return row([name, 'not measured (no wrk)', '', 'not judged'])
      const floor = figuresOf(maxRate.results, path, 'wrk', 'floor').rps
      const ratio = figuresOf(maxRate.results, path, 'wrk', 'service').rps / floor
      return row([name, percent(ratio), `${fixed(floor)} req/s`, verdict(ratio >= target)])
    })
  return [
    row(['target', 'measured', 'floor', '']),
    row(['---', '---:', '---:', '---']),
    ...ratioRows,
    row([
      `p99 < ${P99_TARGET_MS} ms at half the maximum rate (worst route)`,
      `${fixed(halfRate.worstP99, 2)} ms`,
      '',
      verdict(halfRate.worstP99 < P99_TARGET_MS),
    ]),
    row([
      `cold start, spawn to first 200 of \`/\`, median of ${coldRuns}: ≤ 1.5 × the floor's`,
      `${fixed(cold.service, 1)} ms (${fixed(cold.service / cold.floor, 2)} ×)`,
      `${fixed(cold.floor, 1)} ms`,
      verdict(cold.service <= 1.5 * cold.floor),
    ]),
    ...(cold.fastify === undefined
      ? []
      : [
          row([
            'for comparison: Fastify alone, one route, the same way',
            `${fixed(cold.fastify, 1)} ms (${fixed(cold.fastify / cold.floor, 2)} ×)`,
            `${fixed(cold.floor, 1)} ms`,
            '',
          ]),
        ]),
    row([
      `idle anonymous RSS ≤ the floor's + 8 MB + tables (${tablesSaid})`,
      `${mb(idle.anon)} (total ${mb(idle.rss)})`,
      `${mb(idle.floorAnon)} (total ${mb(idle.floor)})`,
      verdict(idle.anon <= idle.floorAnon + 8 * 1024 + held),
    ]),
    row([
      'peak RSS in the heaviest run ≤ 160 MB + tables',
      `${mb(peak.rss)} (anonymous ${mb(peak.anon)})`,
      '',
      verdict(peak.rss <= 160 * 1024 + held),
    ]),
  ]
}

const report = (figures: Figures) => {
  const tools = wrk
    ? 'autocannon (in the bench process) and then wrk (1 thread) on loopback'
    : 'autocannon on loopback (wrk was not installed)'
  const pipelined = figures.pipelined
  return [
    `Machine: ${machine}.`,
    '',
    `Load: ${tools}, ${connections} connections, no pipelining; per route and server an autocannon warm-up of ${warmupSeconds} s, then ${seconds} s of each, in ${rounds} rounds over all the routes, each server's fastest run of a route shown; service at \`LOG_LEVEL=${logLevel}\` with its logs written to /dev/null.`,
    '',
    "Maximum rate, each route measured on the floor and then on the service; ratio is the service against the same tool's floor:",
    '',
    ...figures.maxRate.lines,
    '',
    'Who was the limit, and latency at the maximum rate:',
    '',
    ...figures.maxRate.detail,
    ...(pipelined
      ? [
          '',
          `autocannon at pipelining ${PIPELINING} (\`--pipelined\`):`,
          '',
          ...pipelined.lines,
          '',
          ...pipelined.detail,
        ]
      : []),
    '',
    figures.halfRate.paced
      ? `The service at half its maximum rate (wrk, no pipelining, each connection pausing ${PACE_MS} ms after each answer):`
      : `The service at half its maximum rate (autocannon \`overallRate\`, no pipelining, each second's share in a burst):`,
    '',
    ...figures.halfRate.lines,
    '',
    'Targets:',
    '',
    ...targets(figures),
  ].join('\n')
}

/** Replaces what stands between the bench markers in docs/performance.md. */
const writeReport = (text: string) => {
  const file = join(root, 'docs/performance.md')
  const doc = readFileSync(file, 'utf8')
  const begin = '<!-- bench:begin -->'
  const end = '<!-- bench:end -->'
  const from = doc.indexOf(begin)
  const to = doc.indexOf(end)
  if (from < 0 || to < from) throw new Error(`docs/performance.md lacks ${begin} and ${end}`)
  writeFileSync(file, `${doc.slice(0, from + begin.length)}\n${text}\n${doc.slice(to)}`)
  console.log('bench: report written to docs/performance.md')
}

const main = async () => {
  const started = performance.now()
  if (!wrk) {
    if (process.env.CI === 'true')
      throw new Error(`${WRK_MISSING}; with CI=true the bench needs it`)
    console.warn(`bench: ${WRK_MISSING}. Its columns and the targets judged under it are left out.`)
  }
  buildService()
  console.log(`bench: ${machine}`)
  console.log(
    `bench: ${connections} connections, ${warmupSeconds} s warm-up then ${seconds} s per run, service at LOG_LEVEL=${logLevel}`,
  )
  const service = await startService()
  const references = await startReferences(await captureRoutes(service))
  const { floor, fastify } = references
  await sleep(500)
  const idle = idleMemory(service, floor)
  const stopSampling = samplePeakMemory(service)
  const servers = [floor, ...(fastify ? [fastify] : []), service]
  const autocannon = (pipelining: number): Tool => ({
    name: pipelining > 1 ? `autocannon ×${pipelining}` : 'autocannon',
    run: (server, path) => measure(server, path, { pipelining, duration: seconds }),
  })
  const tools = [autocannon(1), ...(wrk ? [{ name: 'wrk', run: measureWrk }] : [])]
  const maxRate = await measureMaxRate(servers, tools, 1)
  const pipelined = withPipelining
    ? await measureMaxRate(servers, [autocannon(PIPELINING)], PIPELINING)
    : undefined
  const halfRate = await measureHalfRate(service, floor, maxRate, wrk ? 'wrk' : 'autocannon')
  const peak = stopSampling()
  for (const server of servers) await stopServer(server)
  const cold = await measureColdStarts(references.startFloor, references.startFastify)
  references.remove()

  const text = report({ maxRate, pipelined, halfRate, cold, idle, peak })
  console.log(`\n${text}\n`)
  console.log(`bench: done in ${fixed((performance.now() - started) / 1000)} s`)
  if (write) writeReport(text)
}

await main()
