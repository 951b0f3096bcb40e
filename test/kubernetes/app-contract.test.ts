// The Deployment against the app and the image it runs: configuration the app accepts, probe
// routes that answer as the probes expect, metrics on their own port and not on the public one,
// the image's port and user, and a shutdown that fits in the grace period.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { freePort } from '../../scripts/free-port.ts'
import { loadConfig } from '../../src/config.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'
import { finalStageContract, readImageContract } from './dockerfile.ts'
import {
  deployDir,
  field,
  findOne,
  isObject,
  type Json,
  type JsonObject,
  podContainers,
  podSpec,
  render,
  renderWithComponents,
  repoRoot,
  timezonedComponentDir,
} from './manifests.ts'

const deployment = findOne(render(deployDir), 'Deployment')
const pod = podSpec(deployment)
const [container] = podContainers(deployment)
const zones = createZoneRegistry()

function environment(): Record<string, string> {
  const env = Array.isArray(container?.env) ? container.env.filter(isObject) : []
  return Object.fromEntries(env.map((entry) => [String(entry.name), String(entry.value)]))
}

const config = loadConfig(environment(), zones.resolve)

function probe(name: string): JsonObject {
  const value = container?.[name]
  assert.ok(isObject(value), `${name} is set`)
  return value
}

// Seconds between the kubelet's SIGTERM and the forced exit the app itself arms: the shutdown
// delay plus the drain timeout main.ts gives close-with-grace (declared there or beside the
// server's other limits).
function appShutdownBudgetSeconds(): number {
  const sources = ['main.ts', 'server-limits.ts'].map((file) => {
    try {
      return readFileSync(join(repoRoot, 'src', file), 'utf8')
    } catch {
      return ''
    }
  })
  const match = /const DRAIN_TIMEOUT_MS = ([\d_]+)/.exec(sources.join('\n'))
  assert.ok(match?.[1], 'src/main.ts or src/server-limits.ts declares DRAIN_TIMEOUT_MS')
  return (config.shutdownDelayMs + Number(match[1].replaceAll('_', ''))) / 1000
}

function preStopSeconds(): number {
  const handler = field(container, 'lifecycle', 'preStop')
  if (handler === undefined) return 0
  // The image has no shell or sleep binary: only the kubelet's own sleep action can work.
  assert.deepEqual(Object.keys(handler as JsonObject), ['sleep'])
  return Number(field(handler, 'sleep', 'seconds'))
}

describe('the Deployment agrees with the app', () => {
  test('the app accepts the environment the Deployment sets', () => {
    assert.deepEqual(Object.keys(environment()).toSorted(), [
      'HOST',
      'LOG_LEVEL',
      'METRICS_PORT',
      'PORT',
      'SHUTDOWN_DELAY_MS',
      'TIME_ZONE',
      'TRUST_PROXY',
    ])
    assert.equal(config.port, 8080)
    assert.equal(config.host, '0.0.0.0')
    assert.equal(config.timeZone, 'Europe/Moscow')
    assert.equal(config.trustProxy, false)
    assert.equal(config.shutdownDelayMs, 5000)
    assert.equal(config.metricsPort, 9464)
  })

  test('the app listens on the container ports named http and metrics', () => {
    assert.deepEqual(container?.ports, [
      { name: 'http', containerPort: config.port, protocol: 'TCP' },
      { name: 'metrics', containerPort: config.metricsPort, protocol: 'TCP' },
    ])
  })

  test('liveness and startup probe /healthz, readiness probes /readyz, all over HTTP', () => {
    for (const name of ['startupProbe', 'livenessProbe']) {
      assert.deepEqual(probe(name).httpGet, { path: '/healthz', port: 'http' }, name)
    }
    assert.deepEqual(probe('readinessProbe').httpGet, { path: '/readyz', port: 'http' })
  })

  test('the probed routes answer as the probes expect, before and during shutdown', async () => {
    // Loaded here so the other checks still report while the app fails to load.
    const { buildApp } = await import('../../src/app.ts')
    const lifecycle = { ready: true }
    const app = buildApp({ config, zones, lifecycle, logStream: { write: () => undefined } })
    try {
      const status = async (url: Json | undefined) =>
        (await app.inject({ method: 'GET', url: String(url) })).statusCode
      const liveness = field(probe('livenessProbe'), 'httpGet', 'path')
      const readiness = field(probe('readinessProbe'), 'httpGet', 'path')
      assert.equal(await status(liveness), 200)
      assert.equal(await status(readiness), 200)
      lifecycle.ready = false
      // Draining: out of the endpoints, but alive, so liveness never kills a pod mid-drain.
      assert.equal(await status(readiness), 503)
      assert.equal(await status(liveness), 200)
      // Metrics have a listener of their own (below); the public app has no such route.
      assert.equal(await status('/metrics'), 404)
    } finally {
      await app.close()
    }
  })

  test('the process serves /metrics on METRICS_PORT and not on PORT, with the Deployment env', async () => {
    // The Deployment's environment as the process reads it, on free loopback ports.
    const [port, metricsPort] = [await freePort(), await freePort()]
    assert.notEqual(port, metricsPort)
    const main = join(repoRoot, 'src', 'main.ts')
    const child = spawn(process.execPath, [main], {
      env: {
        ...environment(),
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        HOST: '127.0.0.1',
        SHUTDOWN_DELAY_MS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    const exited = once(child, 'exit')
    const get = (listener: number, path: string) =>
      fetch(`http://127.0.0.1:${listener}${path}`, { signal: AbortSignal.timeout(2000) })
    try {
      // Both listeners up: the probes' port and the scrapers' port.
      const deadline = Date.now() + 15_000
      let scrape: Response | undefined
      while (scrape?.status !== 200) {
        assert.equal(child.exitCode, null, `the app exited early:\n${output}`)
        assert.ok(Date.now() < deadline, `no answer on METRICS_PORT ${metricsPort}:\n${output}`)
        scrape = await get(metricsPort, '/metrics').catch(() => undefined)
        if (scrape?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      assert.match(String(scrape.headers.get('content-type')), /^text\/plain/)
      assert.match(await scrape.text(), /^# TYPE /m)
      assert.equal((await get(port, '/healthz')).status, 200)
      assert.equal((await get(port, '/metrics')).status, 404)
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })

  test('readiness fails within the shutdown delay, while the app still serves', () => {
    const readiness = probe('readinessProbe')
    const detectionMs = Number(readiness.periodSeconds) * Number(readiness.failureThreshold) * 1000
    assert.ok(
      detectionMs < config.shutdownDelayMs,
      `readiness notices shutdown after ${detectionMs} ms, before the app stops serving at ${config.shutdownDelayMs} ms`,
    )
  })

  test('the whole shutdown fits in the grace period with room to spare', () => {
    const needed = preStopSeconds() + appShutdownBudgetSeconds()
    const grace = Number(pod.terminationGracePeriodSeconds)
    assert.equal(needed, 15)
    // Headroom for a slow node: SIGKILL must never arrive before the app's own deadline.
    assert.ok(grace >= needed + 10, `grace ${grace} s >= ${needed} s + 10 s`)
  })

  test('the pod opts out of service links, which would add variables to the environment', () => {
    assert.equal(pod.enableServiceLinks, false)
  })
})

describe('the timezoned component agrees with the app', () => {
  const [withUdp] = podContainers(
    findOne(renderWithComponents(deployDir, [timezonedComponentDir]), 'Deployment'),
  )
  const env = Array.isArray(withUdp?.env) ? withUdp.env.filter(isObject) : []
  const udpConfig = loadConfig(
    Object.fromEntries(env.map((entry) => [String(entry.name), String(entry.value)])),
    zones.resolve,
  )

  test('the app serves UDP on the container port named timezoned, on every address', () => {
    const port = (Array.isArray(withUdp?.ports) ? withUdp.ports.filter(isObject) : []).find(
      (entry) => entry.name === 'timezoned',
    )
    assert.deepEqual(port, {
      name: 'timezoned',
      containerPort: udpConfig.timezonedPort,
      protocol: 'UDP',
    })
    assert.equal(udpConfig.timezonedHost, '0.0.0.0')
    assert.equal(config.timezonedPort, null, 'off in the default build')
  })
})

describe('the Deployment agrees with the image', () => {
  test('the Dockerfile contract is read from its final stage', () => {
    const contract = finalStageContract(
      'FROM a AS build\nUSER root\nEXPOSE 1\nFROM scratch\nUSER 7:8\nEXPOSE 9/tcp\n',
    )
    assert.deepEqual(contract, { ports: [9], user: '7:8' })
  })

  test("the container port http is the image's EXPOSE", () => {
    const { ports } = readImageContract()
    assert.deepEqual(ports, [8080])
    assert.equal(field(container, 'ports', 0, 'name'), 'http')
    assert.equal(field(container, 'ports', 0, 'containerPort'), ports[0])
  })

  test("the pod runs as the image's USER, numerically, uid and gid", () => {
    const { user } = readImageContract()
    assert.match(String(user), /^\d+:\d+$/)
    const [uid, gid] = String(user).split(':').map(Number)
    for (const context of [pod.securityContext, container?.securityContext]) {
      assert.equal(field(context, 'runAsUser'), uid)
      assert.equal(field(context, 'runAsGroup'), gid)
    }
    assert.equal(field(pod, 'securityContext', 'fsGroup'), gid)
  })

  test('no probe or hook needs a shell, which the scratch image lacks', () => {
    const handlers = [
      ...['startupProbe', 'livenessProbe', 'readinessProbe'].map((name) => probe(name)),
      field(container, 'lifecycle', 'preStop'),
      field(container, 'lifecycle', 'postStart'),
    ]
    assert.deepEqual(
      handlers.filter((handler) => isObject(handler) && 'exec' in handler),
      [],
    )
  })
})
