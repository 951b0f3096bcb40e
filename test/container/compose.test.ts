// compose.yaml: the production settings as written, then `up` on a real engine with Compose v2
// (required in CI) and with Debian's docker-compose 1.29 where it is installed (Debian 12; GitHub's
// runner images have had no Compose v1 since 2024, so there it is skipped, never failed).
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { parse, stringify } from 'yaml'
import {
  buildBaseImage,
  composeImageTag,
  dockerBin,
  dockerEnv,
  engineSuite,
  freePort,
  npmRegistry,
  root,
  run,
  tail,
  waitFor,
} from './docker.ts'

type Service = Record<string, unknown> & {
  build: { context: string; args: Record<string, string>; network?: string }
  environment: Record<string, string>
  ports?: unknown[]
}

const composeFile = join(root, 'compose.yaml')
const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim()

const service = (config: unknown): Service => {
  const services = (config as { services: Record<string, Service> }).services
  const found = services['moscow-time']
  assert.ok(found, 'compose.yaml defines the service moscow-time')
  return found
}

describe('compose.yaml as written', () => {
  const written = service(parse(readFileSync(composeFile, 'utf8')))

  test('runs the image locked down: read-only, no capabilities, no new privileges', () => {
    assert.equal(written.read_only, true)
    assert.deepEqual(written.cap_drop, ['ALL'])
    assert.deepEqual(written.security_opt, ['no-new-privileges:true'])
  })

  test('limits memory and process count, restarts, and waits longer than the drain to stop', () => {
    assert.match(String(written.mem_limit), /^\d+[kmg]$/)
    assert.ok(Number(written.pids_limit) > 0)
    assert.equal(written.restart, 'unless-stopped')
    const grace = Number(/^(\d+)s$/.exec(String(written.stop_grace_period))?.[1])
    assert.ok(grace * 1000 > Number(written.environment.SHUTDOWN_DELAY_MS) + 2000)
  })

  test('publishes port 8080 and builds from the pinned Node base by default', () => {
    assert.deepEqual(written.ports, [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's interpolation, not JavaScript's
      '${MOSCOW_TIME_PORT:-8080}:8080',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's interpolation, not JavaScript's
      '127.0.0.1:${MOSCOW_TIME_METRICS_PORT:-9464}:9464',
    ])
    assert.equal(written.environment.PORT, '8080')
    assert.equal(written.build.context, '.')
    assert.equal(written.build.args.NODE_IMAGE, `\${NODE_IMAGE:-node:${nodeVersion}-trixie-slim}`)
  })

  test("ezTime's UDP protocol is off as written, and its two commented lines turn it on", async () => {
    assert.equal(written.environment.TIMEZONED_PORT, undefined)
    assert.ok(!(written.ports ?? []).map(String).some((port) => port.endsWith('/udp')))
    // Uncommented: a line whose '#' comes right before the code (comments have '# ').
    const text = readFileSync(composeFile, 'utf8').replace(/^(\s*)#(?=[^\s#])/gm, '$1')
    const enabled = service(parse(text))
    assert.equal(enabled.environment.TIMEZONED_PORT, '2342')
    assert.deepEqual(
      (enabled.ports ?? []).map(String).filter((port) => port.endsWith('/udp')),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's interpolation, not JavaScript's
      ['${MOSCOW_TIME_TIMEZONED_PORT:-2342}:2342/udp'],
    )
    const { loadConfig } = await import('../../src/config.ts')
    const { createZoneRegistry } = await import('../../src/time/zones.ts')
    assert.equal(loadConfig(enabled.environment, createZoneRegistry().resolve).timezonedPort, 2342)
  })

  test('publishes the metrics listener (METRICS_PORT 9464) on the loopback address only', () => {
    assert.equal(written.environment.METRICS_PORT, '9464')
    const metrics = (written.ports ?? []).map(String).filter((port) => port.endsWith(':9464'))
    assert.equal(metrics.length, 1)
    assert.match(String(metrics[0]), /^127\.0\.0\.1:/)
  })
})

type Implementation = { name: string; command: string; prefix: string[]; required: boolean }

const candidates: Implementation[] = [
  // Compose v2, the CLI plugin: CI fails without it.
  { name: 'docker compose', command: dockerBin, prefix: ['compose'], required: true },
  // Compose v1: tested where it exists, never required where it does not.
  { name: 'docker-compose', command: 'docker-compose', prefix: [], required: false },
]

const implementations = async (): Promise<Implementation[]> => {
  const found: Implementation[] = []
  for (const candidate of candidates) {
    const probe = await run(candidate.command, [...candidate.prefix, 'version'], {
      timeoutMs: 15_000,
    })
    if (probe.code === 0) found.push(candidate)
  }
  return found
}

await engineSuite('docker compose up with compose.yaml', () => {
  const temp = mkdtempSync(join(tmpdir(), 'moscow-time-compose-'))
  const project = `moscow-time-test-${process.pid}`
  const cleanups: Array<() => Promise<unknown>> = []
  let found: Implementation[] = []
  let env: NodeJS.ProcessEnv

  before(
    async () => {
      found = await implementations()
      env = {
        ...dockerEnv,
        NODE_IMAGE: await buildBaseImage(),
        npm_config_registry: await npmRegistry(),
        MOSCOW_TIME_IMAGE: composeImageTag,
      }
    },
    { timeout: 300_000 },
  )

  after(async () => {
    for (const cleanup of cleanups) await cleanup()
    rmSync(temp, { recursive: true, force: true })
  })

  for (const { name, required } of candidates) {
    test(`${name} up builds the image and serves the page`, { timeout: 480_000 }, async (t) => {
      const impl = found.find((candidate) => candidate.name === name)
      if (!impl) {
        // .ci/run makes sure of v2 (scripts/install-compose-v2.sh brings it to Debian 12).
        if (required) assert.notEqual(process.env.CI, 'true', `${name} is not installed`)
        return t.skip(`${name} is not installed${required ? '' : ' (optional: Compose v1)'}`)
      }
      const compose = (args: string[], timeoutMs = 60_000) =>
        run(impl.command, [...impl.prefix, ...args], { env, timeoutMs })

      // Compose renders compose.yaml itself; the only change for this machine is host networking
      // (its engine has no bridge), which Compose refuses to combine with published ports.
      const rendered = await compose(['--file', composeFile, 'config'])
      assert.equal(rendered.code, 0, rendered.stderr)
      const config = parse(rendered.stdout)
      const svc = service(config)
      assert.equal(svc.read_only, true)
      assert.deepEqual(svc.cap_drop, ['ALL'])
      const port = await freePort()
      let metricsPort = await freePort()
      while (metricsPort === port) metricsPort = await freePort()
      delete svc.ports
      // Compose v2 renders the implicit default network; host mode cannot be combined with it.
      delete svc.networks
      delete (config as { networks?: unknown }).networks
      svc.network_mode = 'host'
      svc.build.network = 'host'
      svc.environment.PORT = String(port)
      svc.environment.METRICS_PORT = String(metricsPort)
      svc.environment.HOST = '127.0.0.1'
      svc.environment.SHUTDOWN_DELAY_MS = '100'
      const file = join(temp, `${name.replace(/\W+/g, '-')}.yaml`)
      writeFileSync(file, stringify(config))

      const projectName = `${project}-${impl.prefix.length}`
      const composeProject = (args: string[], timeoutMs?: number) =>
        compose(['--project-name', projectName, '--file', file, ...args], timeoutMs)
      cleanups.push(() => composeProject(['down', '--remove-orphans', '--timeout', '10']))

      const up = await composeProject(['up', '--detach', '--build'], 420_000)
      assert.equal(up.code, 0, `${tail(up.stdout)}\n${tail(up.stderr)}`)

      const page = await waitFor(
        'the page through Compose',
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/`, {
            signal: AbortSignal.timeout(2000),
            headers: { 'accept-language': 'en' },
          })
          return response.status === 200 ? response.text() : undefined
        },
        30_000,
      )
      assert.match(page, /Moscow/)

      // Metrics on their own listener, as compose.yaml publishes them; the public port has none.
      const scrape = await waitFor(
        'the metrics listener through Compose',
        async () => {
          const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
            signal: AbortSignal.timeout(2000),
          })
          return response.status === 200 ? response.text() : undefined
        },
        10_000,
      )
      assert.match(scrape, /^# TYPE /m)
      const publicMetrics = await fetch(`http://127.0.0.1:${port}/metrics`, {
        signal: AbortSignal.timeout(2000),
      })
      assert.equal(publicMetrics.status, 404)

      const down = await composeProject(['down', '--remove-orphans', '--timeout', '10'])
      assert.equal(down.code, 0, down.stderr)
    })
  }
})
