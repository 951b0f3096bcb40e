// Server processes for the benches: start one (on a pinned CPU when asked) and wait for its first
// 200, stop it, read its memory and CPU time from /proc; every process started here dies with us.
import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process'
import { openSync } from 'node:fs'
import { get, type IncomingMessage } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort } from '../scripts/free-port.ts'
import { cpuSeconds, statusKb } from '../scripts/proc.ts'

export const HOST = '127.0.0.1'
export const ROOT = new URL('..', import.meta.url).pathname

export type Server = {
  name: string
  port: number
  child: ChildProcess
  pid: number
  coldMs: number
}

/** Node's arguments and the whole environment of a server, given the port it is to listen on. */
export type Launch = { args: string[]; env: NodeJS.ProcessEnv }

export type ServerSpec = {
  name: string
  launch: (port: number) => Launch | Promise<Launch>
  /** A free one when not given. */
  port?: number
  /** taskset's CPU list; unpinned when undefined. */
  cpuList?: string | undefined
  /** Asked until it answers 200: the time from spawn to that answer is the cold start. */
  readyPath?: string
  pollMs?: number
  timeoutMs?: number
  stdio?: StdioOptions
}

const children = new Set<ChildProcess>()
let guarded = false

/** SIGKILL to every process started here that still runs. */
export const killStarted = () => {
  for (const child of children) child.kill('SIGKILL')
}

/** Kills the child, by its PID, when this process exits or is interrupted. */
export const track = (child: ChildProcess) => {
  children.add(child)
  child.once('exit', () => children.delete(child))
  if (guarded) return
  guarded = true
  process.on('exit', killStarted)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
}

export type Answer = { status: number; rawHeaders: string[]; body: Buffer }

/** One GET on a fresh connection (node:http: fetch's first use alone costs more than a floor's start). */
export const fetchOnce = (port: number, path: string) =>
  new Promise<Answer>((resolve, reject) => {
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

let devNull: number | undefined
// Request logs go where a collector would read them, at the cost of one write(2) each.
const quietStdio = (): StdioOptions => {
  devNull ??= openSync('/dev/null', 'w')
  return ['ignore', devNull, 'inherit']
}

const waitForAnswer = async (server: Server, spec: ServerSpec, started: number) => {
  const { readyPath = '/', pollMs = 1, timeoutMs = 10_000 } = spec
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited with ${server.child.exitCode}`)
    const answer = await fetchOnce(server.port, readyPath).catch(() => undefined)
    if (answer?.status === 200) return
    if (answer) throw new Error(`${server.name}: ${readyPath} answered ${answer.status}`)
    if (performance.now() - started > timeoutMs)
      throw new Error(`${server.name} did not answer in ${timeoutMs / 1000} s`)
    await sleep(pollMs)
  }
}

/** Starts a server and resolves once its ready path answers 200, with the time from spawn to it. */
export const startServer = async (spec: ServerSpec): Promise<Server> => {
  const port = spec.port ?? (await freePort(HOST))
  const { args, env } = await spec.launch(port)
  const [file, argv]: [string, string[]] = spec.cpuList
    ? ['taskset', ['-c', spec.cpuList, process.execPath, ...args]]
    : [process.execPath, args]
  const started = performance.now()
  const child = spawn(file, argv, { cwd: ROOT, env, stdio: spec.stdio ?? quietStdio() })
  track(child)
  // taskset execs node, so the child's PID is the server's.
  const server = { name: spec.name, port, child, pid: child.pid ?? 0, coldMs: 0 }
  await waitForAnswer(server, spec, started)
  server.coldMs = performance.now() - started
  return server
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null; ms: number }

/** SIGTERM, then SIGKILL after `graceMs` (never when it is not finite); resolves on the exit. */
export const stopServer = async ({ child }: Server, graceMs = 5000): Promise<Exit> => {
  const signalled = performance.now()
  const exit = () => ({ code: child.exitCode, signal: child.signalCode, ms: 0 })
  if (child.exitCode !== null || child.signalCode !== null) return exit()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = Number.isFinite(graceMs) ? setTimeout(() => child.kill('SIGKILL'), graceMs) : null
  await exited
  if (timer) clearTimeout(timer)
  return { ...exit(), ms: performance.now() - signalled }
}

/** The server's resident memory in kB: all of it, and its anonymous part (heap, stacks). */
export const memoryKb = ({ pid }: Server) => ({
  rss: statusKb(pid, 'VmRSS'),
  anon: statusKb(pid, 'RssAnon'),
})

/** The most RSS the kernel saw the server hold, in kB. */
export const peakRssKb = ({ pid }: Server) => statusKb(pid, 'VmHWM')

/** The server's user plus system CPU time so far, in seconds. */
export const cpuSecondsOf = ({ pid }: Server) => cpuSeconds(pid)
