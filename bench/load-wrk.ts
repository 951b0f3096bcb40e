// Debian's `wrk` (C, epoll) as the bench's second load generator: one run against one server,
// wrk on its own core (taskset), the server's CPU time read from /proc around the run. wrk is what
// can keep a Node server's core full without pipelining; autocannon, in JavaScript on one core,
// tops out near the floor's own speed. bench/wrk-summary.lua prints wrk's figures as one line.
import { spawn, spawnSync } from 'node:child_process'
import { cpuSeconds } from '../scripts/proc.ts'
import { judgeFailures, type Measured, type Tool } from './measured.ts'
import { HOST, type Server } from './servers.ts'

const TICKS_PER_SECOND = 100 // USER_HZ, the unit of /proc/<pid>/stat times, as in scripts/proc.ts
const SCRIPT = new URL('wrk-summary.lua', import.meta.url).pathname
const MARK = 'bench-wrk '

/** What to do when wrk is missing: install it, and on CI (CI=true) that is a failure. */
export const WRK_MISSING =
  'wrk is not installed: apt-get install wrk (Debian and Ubuntu package it)'

/** wrk's version line (`wrk debian/4.1.0-3+b2 [epoll]`), or undefined when it is not on PATH. */
export const wrkVersion = (): string | undefined => {
  if (spawnSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status !== 0) return undefined
  // `wrk --version` prints the version and its usage, and exits 1.
  const { stdout = '' } = spawnSync('wrk', ['--version'], { encoding: 'utf8' })
  const line = stdout.split('\n')[0] ?? ''
  return line.replace(/\s*Copyright.*/, '').trim() || 'wrk'
}

export type WrkOptions = {
  url: string
  /** The server's PID, for its CPU time over the run. */
  serverPid: number
  connections: number
  seconds: number
  /** wrk's threads; one is enough to keep one core of Node busy (its own CPU share shows it). */
  threads?: number
  /** taskset's CPU list for wrk; unpinned when undefined. */
  cpuList?: string | undefined
  /** Whole milliseconds each connection waits after each answer: a paced load, not a maximum. */
  delayMs?: number | undefined
}

/** Latencies in ms (wrk records microseconds); clientShare well under 1: wrk was not the limit. */
export type WrkMeasured = Measured & {
  requests: number
  /** Socket errors (connect, read, write, timeout) and answers with a status of 400 and above. */
  failed: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
}

type Summary = {
  requests: number
  duration_us: number
  connect: number
  read: number
  write: number
  status: number
  timeout: number
  p50_us: number
  p99_us: number
  max_us: number
  cpu_ticks: number
}

/** The summary line bench/wrk-summary.lua writes at the end of wrk's output. */
export const parseSummary = (stdout: string): Summary => {
  const line = stdout.split('\n').find((text) => text.startsWith(MARK))
  if (!line) throw new Error(`wrk printed no summary line:\n${stdout}`)
  return JSON.parse(line.slice(MARK.length)) as Summary
}

/**
 * One wrk run without pipelining (one request in flight per connection), as a browser or proxy:
 * as fast as it goes, or paced by `delayMs`.
 */
export const runWrk = async (options: WrkOptions): Promise<WrkMeasured> => {
  const { url, serverPid, connections, seconds, threads = 1, cpuList, delayMs } = options
  const args = [
    `--threads=${threads}`,
    `--connections=${connections}`,
    `--duration=${seconds}s`,
    `--script=${SCRIPT}`,
    url,
  ]
  const [file, argv] = cpuList ? ['taskset', ['-c', cpuList, 'wrk', ...args]] : ['wrk', args]
  const cpuBefore = cpuSeconds(serverPid)
  // taskset execs wrk, so the child's PID is wrk's.
  const env =
    delayMs === undefined ? process.env : { ...process.env, BENCH_WRK_DELAY_MS: `${delayMs}` }
  const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  const cpu = cpuSeconds(serverPid) - cpuBefore
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${stderr.trim() || stdout.trim()}`)
  const summary = parseSummary(stdout)
  const duration = summary.duration_us / 1e6
  const { connect, read, write, status, timeout } = summary
  return {
    rps: summary.requests / duration,
    requests: summary.requests,
    p50: summary.p50_us / 1000,
    p99: summary.p99_us / 1000,
    cpuUs: (cpu * 1e6) / summary.requests,
    cpuShare: cpu / duration,
    clientShare:
      summary.cpu_ticks < 0 ? Number.NaN : summary.cpu_ticks / TICKS_PER_SECOND / duration,
    failed: connect + read + write + status + timeout,
    errors: { connect, read, write, status, timeout },
  }
}

/** How wrk loads a server: its connections and run, its CPU, and whether it is paced. */
export type WrkLoad = Omit<WrkOptions, 'url' | 'serverPid' | 'threads'>

/** One wrk run of a server's route, void when too many answers failed. */
export const measureWrk = async (server: Server, path: string, load: WrkLoad) => {
  const result = await runWrk({
    url: `http://${HOST}:${server.port}${path}`,
    serverPid: server.pid,
    ...load,
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

/** wrk as a column group of the tables: as fast as it goes. */
export const wrkTool = (load: WrkLoad): Tool => ({
  name: 'wrk',
  run: (server, path) => measureWrk(server, path, load),
})
