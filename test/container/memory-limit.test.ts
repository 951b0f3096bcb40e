// The Kubernetes memory limit, proven: the image runs under deployment.yaml's own limits with every
// run-time table loaded, 2,450 idle keep-alive connections held open, and the heaviest load the
// bench puts on the service beside them, and is not killed.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import autocannon from 'autocannon'
import { parseAllDocuments } from 'yaml'
import {
  type BuiltImage,
  buildImage,
  dockerOk,
  engineSuite,
  freePort,
  removeContainers,
  root,
  sleep,
  waitFor,
} from './docker.ts'

// The bench's heaviest run (npm run bench -- --pipelined): 32 connections, 10 requests in flight
// on each. Here on every kind of answer, the IP table included.
const CONNECTIONS = 32
const PIPELINING = 10
const SECONDS_PER_ROUTE = 8
// As the bench: each connection is replaced before the service's cap of 1000 answers closes it,
// which would drop the requests pipelined behind the last one.
const RECONNECT_EVERY = 500
const ROUTES = [
  '/api/timezone/Europe/Moscow',
  '/',
  '/api/ip/8.8.8.8',
  '/Asia/Tokyo?lang=ru',
  '/api/places?q=San',
]
// Each table is read on its first request: all of them, before anything is measured.
const WARM = ['/api/ip/8.8.8.8', '/api/places?q=Kazan']
// Just under the connection cap (2,500), beside the load's 32.
const IDLE = 2_450

type Container = { resources: { limits: { memory: string; cpu: string } } }

/** The limits the Deployment gives the service's container. */
const deploymentLimits = () => {
  const text = readFileSync(join(root, 'deploy/kubernetes/deployment.yaml'), 'utf8')
  const deployment = parseAllDocuments(text)
    .map((document) => document.toJS())
    .find((document) => document?.kind === 'Deployment')
  const container = deployment?.spec.template.spec.containers[0] as Container | undefined
  assert.ok(container, 'deployment.yaml has a container')
  return container.resources.limits
}

const UNITS: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }
const bytesOf = (quantity: string) => {
  const match = /^(\d+)(Ki|Mi|Gi)$/.exec(quantity)
  assert.ok(match, `a memory quantity in Ki, Mi or Gi: ${quantity}`)
  return Number(match[1]) * (UNITS[match[2] as string] as number)
}

const cgroupDirs = (id: string) => [
  `/sys/fs/cgroup/memory/docker/${id}`,
  `/sys/fs/cgroup/system.slice/docker-${id}.scope`,
  `/sys/fs/cgroup/docker/${id}`,
]

/** The container's peak memory, page cache included: v1 (cgroupfs) or v2 (systemd or cgroupfs). */
const peakBytes = (id: string): number | undefined => {
  const files = cgroupDirs(id).flatMap((dir) => [
    `${dir}/memory.max_usage_in_bytes`,
    `${dir}/memory.peak`,
  ])
  const file = files.find((path) => existsSync(path))
  return file ? Number(readFileSync(file, 'utf8').trim()) : undefined
}

/**
 * What the container holds that the kernel cannot take back under pressure: its processes'
 * anonymous memory (v1 `total_rss`, v2 `anon`) and, on v2, its sockets' buffers. The page cache
 * (the node binary's pages among them) is reclaimed at the limit, so the whole peak may touch it
 * without harm.
 */
type Held = { total: number; anon: number; sock: number; huge: number }

const unreclaimable = (id: string): Held | undefined => {
  const dir = cgroupDirs(id).find((path) => existsSync(`${path}/memory.stat`))
  if (!dir) return undefined
  const stat = new Map(
    readFileSync(`${dir}/memory.stat`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  )
  const field = (name: string) => Number(stat.get(name) ?? 0)
  if (!stat.has('anon')) {
    const anon = field('total_rss')
    return { total: anon, anon, sock: 0, huge: field('total_rss_huge') }
  }
  const [anon, sock] = [field('anon'), field('sock')]
  return { total: anon + sock, anon, sock, huge: field('anon_thp') }
}

// Samples while the load runs: the most the container ever held that it could not give back.
const sampleUnreclaimable = (id: string) => {
  let most: Held = { total: 0, anon: 0, sock: 0, huge: 0 }
  const timer = setInterval(() => {
    const now = unreclaimable(id)
    if (now && now.total > most.total) most = now
  }, 100)
  return () => {
    clearInterval(timer)
    return most
  }
}

type Heap = { heapTotal: number; heapUsed: number; external: number; rss: number }

// The service's own account, from its metrics listener once a second: the most of each figure.
const sampleHeap = (url: string) => {
  const most: Heap = { heapTotal: 0, heapUsed: 0, external: 0, rss: 0 }
  const names: Record<string, keyof Heap> = {
    nodejs_heap_size_total_bytes: 'heapTotal',
    nodejs_heap_size_used_bytes: 'heapUsed',
    nodejs_external_memory_bytes: 'external',
    process_resident_memory_bytes: 'rss',
  }
  const read = async () => {
    const text = await (await fetch(url)).text()
    for (const line of text.split('\n')) {
      const [name, value] = line.split(' ')
      const key = names[name as string]
      if (key) most[key] = Math.max(most[key], Number(value))
    }
  }
  const timer = setInterval(() => void read().catch(() => {}), 1000)
  return async () => {
    clearInterval(timer)
    await read()
    return most
  }
}

// Asked once each, then quiet: idle keep-alive connections, as a crowd of quiet clients leaves them.
const openIdle = async (port: number, count: number) => {
  const sockets: Socket[] = []
  for (let i = 0; i < count; i += 250) {
    const batch = Array.from({ length: Math.min(250, count - i) }, () => {
      const socket = connect(port, '127.0.0.1')
      socket.on('error', () => {})
      sockets.push(socket)
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'))
        socket.once('data', () => resolve())
        socket.once('close', () => reject(new Error('an idle connection was closed')))
      })
    })
    await Promise.all(batch)
  }
  return sockets
}

await engineSuite('the image under the Deployment’s memory limit', () => {
  let image: BuiltImage
  const name = `moscow-time-test-${process.pid}-memory`

  before(async () => {
    image = await buildImage()
  })
  after(() => removeContainers([name]))

  test('holds every table, 2,450 idle connections and the heaviest bench load within the limit, and is not OOM-killed', async (t) => {
    const limits = deploymentLimits()
    const limit = bytesOf(limits.memory)
    const port = await freePort()
    const metricsPort = await freePort()
    const id = (
      await dockerOk([
        'run',
        '--detach',
        '--name',
        name,
        '--network',
        'host',
        '--read-only',
        '--cap-drop',
        'ALL',
        // As the kubelet sets it: no swap to hide behind, one core.
        '--memory',
        String(limit),
        '--memory-swap',
        String(limit),
        '--cpus',
        limits.cpu,
        '--env',
        `PORT=${port}`,
        '--env',
        'HOST=127.0.0.1',
        '--env',
        `METRICS_PORT=${metricsPort}`,
        image.tag,
      ])
    ).trim()
    const origin = `http://127.0.0.1:${port}`
    await waitFor(
      'the container to answer /healthz',
      async () => ((await fetch(`${origin}/healthz`)).ok ? true : undefined),
      20_000,
    )
    const held = sampleUnreclaimable(id)
    const heap = sampleHeap(`http://127.0.0.1:${metricsPort}/metrics`)
    for (const path of WARM) assert.equal((await fetch(origin + path)).status, 200, path)
    const idle = await openIdle(port, IDLE)
    t.after(() => {
      for (const socket of idle) socket.destroy()
    })
    for (const path of ROUTES) {
      const result = await autocannon({
        url: origin + path,
        connections: CONNECTIONS,
        pipelining: PIPELINING,
        duration: SECONDS_PER_ROUTE,
        reconnectRate: RECONNECT_EVERY,
      })
      t.diagnostic(`${path}: ${Math.round(result.requests.average)} req/s`)
      assert.equal(result.errors, 0, `${path}: socket errors`)
      assert.equal(result.non2xx, 0, `${path}: answers other than 2xx`)
      assert.ok(result.requests.total > 0, `${path}: no answers`)
    }
    await sleep(500)
    const state = JSON.parse(await dockerOk(['inspect', '--format', '{{json .State}}', name]))
    assert.equal(state.OOMKilled, false, 'OOM-killed')
    assert.equal(state.Running, true, `not running: ${state.Status}`)
    assert.equal((await fetch(`${origin}/healthz`)).status, 200)
    assert.equal(idle.filter((socket) => socket.destroyed).length, 0, 'idle connections dropped')
    const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`
    const most = held()
    const v8 = await heap()
    t.diagnostic(
      `V8 at most: heap ${mib(v8.heapTotal)} (${mib(v8.heapUsed)} used), ` +
        `external ${mib(v8.external)}, process RSS ${mib(v8.rss)}`,
    )
    const peak = peakBytes(id)
    if (peak === undefined || most.total === 0)
      return t.diagnostic('no cgroup memory files found: the peak is not reported')
    t.diagnostic(
      `held at most ${mib(most.total)} of ${limits.memory} (anonymous ${mib(most.anon)}, ` +
        `${mib(most.huge)} of it huge pages; socket buffers ${mib(most.sock)}), ` +
        `${mib(limit - most.total)} to spare; peak with the page cache ${mib(peak)}`,
    )
    assert.ok(most.total < limit * 0.9, `held ${mib(most.total)}: within 10 % of the limit`)
  })
})
