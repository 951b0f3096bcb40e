// Load and drain: two instances of the production bundle behind Debian's nginx on loopback.
// 1. a rolling restart under steady load (SIGTERM each instance in turn, a new one on its port):
//    every request must succeed; 2. a soak at half of the measured capacity, 4 minutes by default:
//    no errors, and RSS growth after warm-up (minute 2 against the last minute, bench/rss-growth.ts)
//    under 10 %. Run with `npm run test:load`; figures go to docs/reliability.md. The soak's length:
//    --soak-seconds, else BENCH_SOAK_SECONDS, else 240; under 240 s growth is shown but not judged.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { freePort } from '../scripts/free-port.ts'
import { statusKb } from '../scripts/proc.ts'
import { type LoadResult, startLoad } from './load-autocannon.ts'
import {
  GROWTH_LIMIT,
  JUDGED_SOAK_SECONDS,
  type RssSample,
  rssGrowth,
  rssWindowSeconds,
  windowMeans,
} from './rss-growth.ts'

const { values: args } = parseArgs({
  options: {
    'restart-connections': { type: 'string', default: '32' },
    'shutdown-delay-ms': { type: 'string', default: '2000' },
    'capacity-seconds': { type: 'string', default: '5' },
    'soak-seconds': {
      type: 'string',
      default: process.env.BENCH_SOAK_SECONDS ?? String(JUDGED_SOAK_SECONDS),
    },
    'keep-dir': { type: 'boolean', default: false },
  },
})
const RESTART_CONNECTIONS = Number(args['restart-connections'])
const SHUTDOWN_DELAY_MS = Number(args['shutdown-delay-ms'])
const CAPACITY_SECONDS = Number(args['capacity-seconds'])
const SOAK_SECONDS = Number(args['soak-seconds'])
const HOST = '127.0.0.1'
const PATH = '/api/timezone/Europe/Moscow'
const ROOT = new URL('..', import.meta.url).pathname
const BUNDLE = join(ROOT, 'dist/server.mjs')

const dir = mkdtempSync(join(tmpdir(), 'moscow-load-'))
// nginx's workers run as another user and need to reach their temp paths.
chmodSync(dir, 0o755)
const started = new Set<ChildProcess>()

// Only the processes started here, by PID, on any way out.
const stopAll = () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null && child.pid)
      process.kill(child.pid, 'SIGKILL')
}
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopAll()
    process.exit(130)
  })

const waitUntil = async (what: string, ok: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return
    await sleep(50)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** metricsPort: each instance's own metrics listener, as in a pod; the default 9464 would clash. */
type Instance = { port: number; metricsPort: number; child: ChildProcess; generation: number }

const startInstance = async (
  port: number,
  generation: number,
  metricsPort: number,
): Promise<Instance> => {
  const log = openSync(join(dir, `instance-${port}-${generation}.log`), 'a')
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
    },
    stdio: ['ignore', log, log],
  })
  started.add(child)
  await waitUntil(`instance on ${port}`, async () => {
    const res = await fetch(`http://${HOST}:${port}/readyz`)
    await res.arrayBuffer()
    return res.status === 200
  })
  return { port, metricsPort, child, generation }
}

/** SIGTERM, wait for the exit (it must be 0: drained in time), start a new one on the same port. */
const restart = async (instance: Instance) => {
  const exited = once(instance.child, 'exit') as Promise<[number | null, string | null]>
  const signalledAt = performance.now()
  instance.child.kill('SIGTERM')
  const [code, signal] = await exited
  const drainMs = performance.now() - signalledAt
  if (code !== 0) throw new Error(`instance on ${instance.port} exited ${code ?? signal}`)
  const next = await startInstance(instance.port, instance.generation + 1, instance.metricsPort)
  return { next, drainMs, downMs: performance.now() - signalledAt - drainMs }
}

const nginxConfig = (listen: number, upstreams: number[]) => `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstreams '$status "$upstream_status" "$upstream_addr"';
  access_log ${dir}/nginx-access.log upstreams buffer=64k flush=1s;
  keepalive_requests 1000000;
  upstream moscow_time {
    # max_fails=0: never mark an instance down; a refused connect costs one retry on loopback.
${upstreams.map((port) => `    server ${HOST}:${port} max_fails=0;`).join('\n')}
    keepalive 64;
  }
  server {
    listen ${HOST}:${listen};
    location / {
      proxy_pass http://moscow_time;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 10s;
    }
  }
}
`

const startNginx = async (listen: number, upstreams: number[]) => {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => {
    try {
      execFileSync(path, ['-v'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  if (!nginx)
    throw new Error('nginx is not installed: apt-get install -y nginx-light (or nginx), then rerun')
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(listen, upstreams))
  const log = openSync(join(dir, 'nginx-stderr.log'), 'a')
  const child = spawn(
    nginx,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'nginx-error.log')],
    {
      stdio: ['ignore', log, log],
    },
  )
  started.add(child)
  await waitUntil('nginx', async () => {
    const res = await fetch(`http://${HOST}:${listen}${PATH}`)
    await res.arrayBuffer()
    return res.status === 200
  })
  return child
}

/** What nginx saw from the instances: retried requests, upstream statuses, and why it retried. */
const upstreamFigures = (fromAccess: number, fromError: number) => {
  const lines = readFileSync(join(dir, 'nginx-access.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(fromAccess)
  const figures = {
    proxied: lines.length,
    ok: 0,
    clientGone499: 0,
    otherStatus: 0,
    retried: 0,
    upstream503: 0,
  }
  for (const line of lines) {
    const match = /^(\d+) "([^"]*)"/.exec(line)
    if (!match) continue
    const status = match[1] ?? ''
    const tries = (match[2] ?? '').split(/,\s*|\s*:\s*/)
    if (status.startsWith('2')) figures.ok += 1
    else if (status === '499') figures.clientGone499 += 1
    else figures.otherStatus += 1
    if (tries.length > 1) figures.retried += 1
    figures.upstream503 += tries.filter((code) => code === '503').length
  }
  const errors = readFileSync(join(dir, 'nginx-error.log'), 'utf8').split('\n').slice(fromError)
  const count = (pattern: RegExp) => errors.filter((line) => pattern.test(line)).length
  return {
    ...figures,
    connectRefused: count(/connect\(\) failed \(111/),
    resetOrClosedByInstance: count(/reset by peer|prematurely closed/),
  }
}

const lineCount = (file: string) =>
  readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).length

const flushNginx = async (nginx: ChildProcess) => {
  // USR1 reopens the logs, which flushes the buffer first.
  nginx.kill('SIGUSR1')
  await sleep(300)
}

const totals = (result: LoadResult) => {
  const answered = Object.values(result.statusCodeStats ?? {}).reduce(
    (sum, { count = 0 }) => sum + count,
    0,
  )
  return {
    // autocannon's own "sent" also counts requests its rate limiter only queued; these went out.
    sent: answered + result.errors,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
    ),
  }
}

type Setup = { url: string; nginx: ChildProcess; instances: Instance[] }

const logMarks = () => [lineCount('nginx-access.log'), lineCount('nginx-error.log')] as const

/** Prints what the client and then nginx saw since the marks; returns the failed requests. */
const failures = async (
  nginx: ChildProcess,
  result: ReturnType<typeof totals>,
  marks: ReturnType<typeof logMarks>,
) => {
  await flushNginx(nginx)
  const failed = result.non2xx + result.errors + result.timeouts
  console.log(`  requests: ${JSON.stringify(result)}`)
  console.log(`  nginx → instances: ${JSON.stringify(upstreamFigures(...marks))}`)
  console.log(`  FAILED REQUESTS: ${failed} of ${result.sent} sent`)
  return failed
}

/** 1. Steady load while each instance in turn gets SIGTERM and is replaced; returns the failures. */
const rollingRestart = async ({ url, nginx, instances }: Setup) => {
  await flushNginx(nginx)
  const marks = logMarks()
  const load = startLoad({ url, connections: RESTART_CONNECTIONS, duration: 120 })
  await sleep(3_000)
  console.log('\n== rolling restart under load')
  for (const [index, instance] of instances.entries()) {
    const { next, drainMs, downMs } = await restart(instance)
    instances[index] = next
    console.log(
      `  :${instance.port} exited 0 ${Math.round(drainMs)} ms after SIGTERM; the new one ready ${Math.round(downMs)} ms later`,
    )
    await sleep(3_000)
  }
  load.instance.stop()
  return failures(nginx, totals(await load.result), marks)
}

const mib = (kb: number) => (kb / 1024).toFixed(1)
const signed = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`

/**
 * The young generation V8 has grown into, from the instance's metrics: under a steady high rate V8
 * doubles it in steps (14, 28, 52 MiB here) while the old generation holds still, which is RSS
 * growth but no leak. What is left of RSS without it is what a leak would grow.
 */
const youngGenerationKb = async (metricsPort: number) => {
  const text = await (await fetch(`http://${HOST}:${metricsPort}/metrics`)).text()
  const match = /^nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)/m.exec(text)
  if (!match) throw new Error('no nodejs_heap_space_size_total_bytes{space="new"} in /metrics')
  return Number(match[1]) / 1024
}

/** 2. Capacity, briefly, then a soak at half of it, sampling each instance's RSS. */
const soak = async ({ url, nginx, instances }: Setup) => {
  const capacity = await autocannon({
    url,
    connections: 32,
    duration: CAPACITY_SECONDS,
  })
  const capacityRps = Math.round(capacity['2xx'] / capacity.duration)
  const rate = Math.max(1, Math.round(capacityRps / 2))
  const window = rssWindowSeconds(SOAK_SECONDS)
  console.log(
    `\n== capacity through nginx: ${capacityRps} req/s (32 connections, ${CAPACITY_SECONDS} s); soak at ${rate} req/s for ${SOAK_SECONDS} s`,
  )
  console.log(
    `  RSS growth after warm-up: mean of ${window}-${2 * window} s against the last ${window} s` +
      (SOAK_SECONDS >= JUDGED_SOAK_SECONDS
        ? `; ${GROWTH_LIMIT * 100} % or more is a leak`
        : `; shown, not judged: a soak under ${JUDGED_SOAK_SECONDS} s is too short to tell a leak from warm-up`),
  )
  await flushNginx(nginx)
  const marks = logMarks()
  // Ten samples in a window at least, one a second at most.
  const sampleMs = Math.min(1_000, (window * 1_000) / 10)
  const samples = new Map<number, RssSample[]>(
    instances.map(({ child }) => [child.pid as number, []]),
  )
  const soakStart = performance.now()
  const sampler = setInterval(() => {
    const seconds = (performance.now() - soakStart) / 1_000
    for (const { child, metricsPort } of instances) {
      const pid = child.pid as number
      const rssKb = statusKb(pid, 'VmRSS')
      void youngGenerationKb(metricsPort).then(
        (youngKb) => samples.get(pid)?.push({ seconds, kb: rssKb - youngKb, rssKb }),
        () => {},
      )
    }
  }, sampleMs)
  const result = totals(
    await autocannon({
      url,
      connections: 16,
      overallRate: rate,
      duration: SOAK_SECONDS,
    }),
  )
  clearInterval(sampler)
  let failed = await failures(nginx, result, marks)
  for (const [pid, list] of samples) {
    list.sort((a, b) => a.seconds - b.seconds)
    const { baseline, last, growth, judged, leak } = rssGrowth(list, SOAK_SECONDS)
    const kbs = list.map(({ rssKb }) => rssKb ?? 0)
    const verdict = !judged ? 'not judged (short soak)' : leak ? 'LEAK' : 'no leak'
    console.log(
      `  RSS less the young generation, pid ${pid}: ${mib(baseline.meanKb)} MiB at ${baseline.from}-${baseline.to} s → ${mib(last.meanKb)} MiB at ${last.from}-${last.to} s ` +
        `(${signed(growth)} after warm-up: ${verdict}); whole RSS first ${mib(kbs[0] ?? 0)}, min ${mib(Math.min(...kbs))}, max ${mib(Math.max(...kbs))} MiB, ${list.length} samples`,
    )
    const shape = windowMeans(list, SOAK_SECONDS).map(mib).join(' → ')
    console.log(`    mean RSS less the young generation per ${window} s: ${shape} MiB`)
    if (leak) failed += 1
  }
  return failed
}

const main = async () => {
  console.log(`node ${process.version}; work dir ${dir}`)
  console.log('building the production bundle (npm run build)')
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { stdio: 'inherit', cwd: ROOT })

  const ports = [await freePort(), await freePort(), await freePort()] as const
  const [listen, portA, portB] = ports
  const instances = [
    await startInstance(portA, 0, await freePort()),
    await startInstance(portB, 0, await freePort()),
  ]
  const nginx = await startNginx(listen, [portA, portB])
  const setup = { url: `http://${HOST}:${listen}${PATH}`, nginx, instances }
  console.log(
    `nginx on ${listen}, instances on ${portA} and ${portB}, SHUTDOWN_DELAY_MS=${SHUTDOWN_DELAY_MS}`,
  )
  // Warm-up, so the figures are of a JITted service.
  await autocannon({ url: setup.url, connections: 16, duration: 3 })

  let failures = await rollingRestart(setup)
  if (SOAK_SECONDS > 0) failures += await soak(setup)

  // Shut down what was started here, the instances gracefully.
  await Promise.all(
    instances.map(async ({ child }) => {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    }),
  )
  const nginxExited = once(nginx, 'exit')
  nginx.kill('SIGQUIT')
  await nginxExited
  const soaked =
    SOAK_SECONDS >= JUDGED_SOAK_SECONDS
      ? `, RSS growth after warm-up under ${GROWTH_LIMIT * 100} %`
      : SOAK_SECONDS > 0
        ? ` (RSS growth not judged: soak under ${JUDGED_SOAK_SECONDS} s)`
        : ''
  console.log(failures ? '\nFAIL' : `\nPASS: no failed requests${soaked}`)
  return failures ? 1 : 0
}

let code = 1
try {
  code = await main()
} finally {
  stopAll()
  if (!args['keep-dir']) rmSync(dir, { recursive: true, force: true })
  else console.log(`kept ${dir}`)
}
process.exit(code)
