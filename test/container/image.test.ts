// The production image on a real engine: what is in it, and how it behaves when run locked down.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  type BuiltImage,
  buildBaseImage,
  buildImage,
  docker,
  dockerOk,
  type Entry,
  engineSuite,
  freePort,
  listContainerFiles,
  removeContainers,
  root,
  waitFor,
} from './docker.ts'
import { readSections } from './elf.ts'

const SHUTDOWN_DELAY_MS = 1000
const MAX_BYTES_BESIDES_NODE = 10_000_000
// Issue 21's budget, with the place index inside.
const MAX_IMAGE_BYTES = 130_000_000
const started: string[] = []
const containerName = (role: string) => `moscow-time-test-${process.pid}-${role}`

const lockedDown = ['--network', 'host', '--read-only', '--cap-drop', 'ALL']
const noNewPrivileges = ['--security-opt', 'no-new-privileges']

const getJson = async (url: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) })
  return { status: response.status, body: await response.json() }
}

const statusOf = async (url: string): Promise<number> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) })
  await response.arrayBuffer()
  return response.status
}

await engineSuite('the production image', () => {
  let image: BuiltImage
  let files: Entry[]

  before(
    async () => {
      image = await buildImage()
      const name = containerName('files')
      started.push(name)
      await dockerOk(['create', '--name', name, image.tag])
      files = await listContainerFiles(name)
    },
    { timeout: 480_000 },
  )

  after(() => removeContainers(started))

  test('runs as the numeric non-root user 65532:65532, with exec-form entrypoint and health check', async () => {
    const config = JSON.parse(
      await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', image.tag]),
    )
    assert.equal(config.User, '65532:65532')
    assert.deepEqual(config.Entrypoint, ['/usr/local/bin/node', '/app/dist/server.mjs'])
    assert.equal(config.Healthcheck.Test[0], 'CMD', 'health check must be exec form, not CMD-SHELL')
    assert.ok(config.Healthcheck.Timeout < config.Healthcheck.Interval)
    assert.ok(config.Env.includes('NODE_ENV=production'))
    assert.deepEqual(Object.keys(config.ExposedPorts), ['8080/tcp'])
  })

  test('carries the OCI labels from the build arguments', async () => {
    const labels = JSON.parse(
      await dockerOk(['image', 'inspect', '--format', '{{json .Config.Labels}}', image.tag]),
    )
    assert.equal(labels['org.opencontainers.image.version'], image.version)
    assert.equal(labels['org.opencontainers.image.revision'], image.revision)
    assert.equal(labels['org.opencontainers.image.created'], image.created)
    assert.equal(labels['org.opencontainers.image.licenses'], 'MIT')
    assert.equal(labels['org.opencontainers.image.title'], 'moscow-time')
  })

  test('holds no shell, no npm, no node_modules, no TypeScript source and no setuid or setgid file', () => {
    const paths = files.map((entry) => entry.path)
    assert.ok(paths.includes('/usr/local/bin/node'), 'the listing must include node')
    const shells = paths.filter((path) => /\/(sh|bash|dash|ash|busybox)$/.test(path))
    assert.deepEqual(shells, [], 'no shell')
    assert.deepEqual(
      paths.filter((path) => /\/(npm|npx|corepack)(\/|$)|npm-cli\.js$/.test(path)),
      [],
      'no npm',
    )
    assert.deepEqual(
      paths.filter((path) => path.split('/').includes('node_modules')),
      [],
      'no node_modules',
    )
    assert.deepEqual(
      paths.filter((path) => /\.[cm]?ts$/.test(path)),
      [],
      'no TypeScript',
    )
    const privileged = files.filter((entry) => /^.{3}[sS]|^.{6}[sS]/.test(entry.mode))
    assert.deepEqual(privileged, [], 'no setuid or setgid file')
  })

  test('holds only node, the libraries it loads, the user database, /tmp and the app', () => {
    // Docker itself adds /.dockerenv, /dev, /proc, /sys and /etc/{hosts,hostname,resolv.conf,mtab}.
    const allowed =
      /^\/(\.dockerenv|dev|proc|sys|tmp|etc|etc\/(hosts|hostname|resolv\.conf|mtab|passwd|group)|home|home\/nonroot|usr|usr\/local|usr\/local\/bin|usr\/local\/bin\/node|app|app\/dist|app\/dist\/server\.(mjs|cjs\.br|cjs\.cache)|app\/public(\/.*)?|app\/data|app\/data\/[^/]+|app\/data\/[^/]+\/[^/]+\.br|lib|lib64|lib\/[^/]+|lib\/[^/]+\/[^/]+\.so[.0-9]*|lib64\/ld-linux[^/]*\.so[.0-9]*|lib\/ld-[^/]+\.so[.0-9]*|dev\/.*|proc\/.*|sys\/.*)$/
    const unexpected = files.map((entry) => entry.path).filter((path) => !allowed.test(path))
    assert.deepEqual(unexpected, [])
    for (const bundle of ['server.mjs', 'server.cjs.br', 'server.cjs.cache'])
      assert.ok(
        files.some((entry) => entry.path === `/app/dist/${bundle}`),
        bundle,
      )
    assert.ok(files.some((entry) => entry.path === '/app/data/ip-zones/ip-zones.bin.br'))
    const tmp = files.find((entry) => entry.path === '/tmp')
    assert.equal(tmp?.mode, 'drwxrwxrwt', '/tmp is world-writable with the sticky bit')
  })

  test('weighs at most 130 MB, 10 MB of it besides the node binary and the run-time tables', async () => {
    const imageBytes = Number(
      await dockerOk(['image', 'inspect', '--format', '{{.Size}}', image.tag]),
    )
    const sizeOf = (path: string) => files.find((entry) => entry.path === path)?.size ?? Number.NaN
    const nodeBytes = sizeOf('/usr/local/bin/node')
    const tables = files.filter((entry) => /^\/app\/data\/.+\.br$/.test(entry.path))
    const tableBytes = tables.reduce((sum, entry) => sum + entry.size, 0)
    const rest = imageBytes - nodeBytes - tableBytes
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB (${bytes} bytes)`
    const each = tables.map((entry) => `${entry.path} ${mb(entry.size)}`).join(', ')
    console.log(
      `# image ${mb(imageBytes)}; node binary ${mb(nodeBytes)}; tables ${mb(tableBytes)} (${each}); the rest ${mb(rest)}`,
    )
    assert.ok(nodeBytes > 0 && tableBytes > 0)
    assert.ok(rest <= MAX_BYTES_BESIDES_NODE, `the image besides node is ${mb(rest)}`)
    // Issue 14's budget (docs/docker.md says where the bytes went, and how little room is left).
    assert.ok(imageBytes <= MAX_IMAGE_BYTES, `the image is ${mb(imageBytes)}`)
  })

  test('ships the official node binary of .node-version, less only what is never loaded', async () => {
    const base = await buildBaseImage()
    const dir = mkdtempSync(join(tmpdir(), 'moscow-time-node-'))
    const copyNode = async (image: string, to: string) => {
      const name = containerName(`node-${to}`)
      started.push(name)
      await dockerOk(['create', '--name', name, image])
      await dockerOk(['cp', `${name}:/usr/local/bin/node`, join(dir, to)])
    }
    try {
      await copyNode(base, 'official')
      await copyNode(image.tag, 'shipped')
      const official = readFileSync(join(dir, 'official'))
      const shipped = readFileSync(join(dir, 'shipped'))
      const recorded = new Map(
        readFileSync(join(root, '.node-sha256'), 'utf8')
          .split('\n')
          .filter((line) => /^[0-9a-f]{64} /.test(line))
          .map((line) => line.split(/\s+/).reverse() as [string, string]),
      )
      const arch = `linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`
      assert.equal(createHash('sha256').update(official).digest('hex'), recorded.get(arch))
      const before = readSections(official)
      const after = new Map(readSections(shipped).map((section) => [section.name, section]))
      for (const section of before.filter(({ loaded }) => loaded))
        assert.ok(
          section.bytes.equals(after.get(section.name)?.bytes ?? Buffer.alloc(1)),
          section.name,
        )
      assert.deepEqual(
        [...after.values()].filter(({ loaded }) => loaded).map(({ name }) => name),
        before.filter(({ loaded }) => loaded).map(({ name }) => name),
        'the same loaded sections, in the same order: nothing added',
      )
      const removed = before.filter(({ name }) => !after.has(name)).map(({ name }) => name)
      assert.ok(removed.includes('.symtab'), `removed: ${removed.join(' ')}`)
      assert.deepEqual(
        [...after.keys()].filter((name) => /^\.(debug_|symtab$|strtab$)/.test(name)),
        [],
        'no symbol table and no debug information left',
      )
      assert.ok(
        before.filter(({ name }) => !after.has(name)).every(({ loaded }) => !loaded),
        'only sections that are never loaded are gone',
      )
      console.log(`# removed ${removed.join(' ')}: ${official.length - shipped.length} bytes`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('its stripped node still names native frames in process.report, and JavaScript ones in stack traces', async () => {
    // .dynsym, which strip keeps, is what the report's native stack is symbolized from.
    const script = `
      const report = process.report.getReport()
      const where = () => new Error('here').stack
      console.log(JSON.stringify({
        version: process.version,
        reportVersion: report.header.nodejsVersion,
        native: report.nativeStack.map((frame) => frame.symbol),
        javascript: report.javascriptStack.stack,
        stack: where(),
      }))`
    const out = await dockerOk([
      'run',
      '--rm',
      ...lockedDown,
      '--entrypoint',
      '/usr/local/bin/node',
      image.tag,
      '-e',
      script,
    ])
    const result = JSON.parse(out)
    const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim()
    assert.equal(result.version, `v${nodeVersion}`)
    assert.equal(result.reportVersion, `v${nodeVersion}`)
    assert.ok(
      result.native.some((symbol: string) => /node::report::GetReport/.test(symbol)),
      `native frames: ${result.native.join(' | ')}`,
    )
    assert.ok(result.javascript.length > 0, 'the report has the JavaScript stack')
    assert.match(result.stack, /^Error: here\n\s+at where \(\[eval\]:\d+:\d+\)/)
  })

  test('a bad setting stops the container at start with a non-zero exit naming the variable', async () => {
    const name = containerName('bad-config')
    started.push(name)
    await dockerOk([
      'run',
      '--detach',
      '--name',
      name,
      ...lockedDown,
      '-e',
      'PORT=not-a-port',
      image.tag,
    ])
    const exit = await waitFor(
      'the misconfigured container to exit',
      async () => {
        const state = JSON.parse(await dockerOk(['inspect', '--format', '{{json .State}}', name]))
        return state.Running ? undefined : (state.ExitCode as number)
      },
      15_000,
    )
    assert.notEqual(exit, 0)
    const logs = await docker(['logs', name])
    assert.match(`${logs.stdout}${logs.stderr}`, /PORT/)
  })

  describe('run locked down: --read-only --cap-drop ALL --security-opt no-new-privileges', () => {
    const name = containerName('serve')
    let port: number
    let base: string

    before(
      async () => {
        port = await freePort()
        base = `http://127.0.0.1:${port}`
        started.push(name)
        await dockerOk([
          'run',
          '--detach',
          '--name',
          name,
          ...lockedDown,
          ...noNewPrivileges,
          '--health-interval',
          '1s',
          '--health-start-period',
          '20s',
          '-e',
          `PORT=${port}`,
          // Loopback only: with host networking, 0.0.0.0 would open the port to the network.
          '-e',
          'HOST=127.0.0.1',
          '-e',
          `SHUTDOWN_DELAY_MS=${SHUTDOWN_DELAY_MS}`,
          '-e',
          'LOG_LEVEL=warn',
          '-e',
          'NODE_DEBUG=code-cache',
          image.tag,
        ])
        await waitFor(
          'the server to answer /readyz',
          async () => ((await statusOf(`${base}/readyz`)) === 200 ? true : undefined),
          20_000,
        )
      },
      { timeout: 60_000 },
    )

    test('serves the clock page', async () => {
      const response = await fetch(`${base}/`, {
        headers: { 'accept-language': 'en' },
        signal: AbortSignal.timeout(3000),
      })
      assert.equal(response.status, 200)
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
      assert.match(await response.text(), /Moscow/)
    })

    test('starts from the code cache that its own node wrote at build', async () => {
      const logs = await docker(['logs', name])
      assert.match(logs.stderr, /CODE-CACHE \d+: took \/app\/dist\/server\.cjs\.cache/)
    })

    test('tells the right Moscow time from inside the container', async () => {
      const { status, body } = await getJson(`${base}/api/timezone/Europe/Moscow`)
      assert.equal(status, 200)
      const time = body as { timezone: string; utc_offset: string; unixtime: number }
      assert.equal(time.timezone, 'Europe/Moscow')
      assert.equal(time.utc_offset, '+03:00')
      const hostNow = Date.now() / 1000
      assert.ok(
        Math.abs(time.unixtime - hostNow) <= 2,
        `container unixtime ${time.unixtime} vs host ${hostNow.toFixed(3)}`,
      )
    })

    test('reports healthy through its own health check', async () => {
      const status = await waitFor(
        'the health status to become healthy',
        async () => {
          const health = JSON.parse(
            await dockerOk(['inspect', '--format', '{{json .State.Health}}', name]),
          )
          if (health.Status === 'unhealthy') throw new Error(JSON.stringify(health.Log.at(-1)))
          return health.Status === 'healthy' ? health.Status : undefined
        },
        25_000,
      )
      assert.equal(status, 'healthy')
    })

    test('docker stop drains: readiness fails at once, a request begun before SIGTERM completes, exit 0', async () => {
      // A request in flight at SIGTERM: its first header line goes out now, before the stop...
      const socket = connect(port, '127.0.0.1')
      await new Promise<void>((done, fail) => socket.once('connect', done).once('error', fail))
      let reply = ''
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        reply += chunk
      })
      const replied = new Promise<void>((done) => socket.once('end', done).once('close', done))
      socket.write('GET /api/timezone/Europe/Moscow HTTP/1.1\r\nHost: 127.0.0.1\r\n')

      const t0 = Date.now()
      const stopping = docker(['stop', '--time', '10', name], 30_000)
      // ...readiness turns 503 as soon as the signal lands (proof SIGTERM was received)...
      await waitFor(
        '/readyz to turn 503 after SIGTERM',
        async () => ((await statusOf(`${base}/readyz`)) === 503 ? true : undefined),
        SHUTDOWN_DELAY_MS,
        20,
      )
      const readyFailedAfter = Date.now() - t0
      // ...new traffic is still served during the delay...
      assert.equal(await statusOf(`${base}/api/timezone/Europe/Moscow`), 200)
      // ...and the request begun before SIGTERM is finished now, and answered.
      socket.write('Connection: close\r\n\r\n')
      await replied
      assert.match(reply, /^HTTP\/1\.1 200 /, `in-flight request got: ${reply.slice(0, 80)}`)

      const stop = await stopping
      const elapsed = Date.now() - t0
      assert.equal(stop.code, 0, stop.stderr)
      const state = JSON.parse(await dockerOk(['inspect', '--format', '{{json .State}}', name]))
      console.log(
        `# readiness 503 after ${readyFailedAfter} ms; stopped after ${elapsed} ms; exit ${state.ExitCode}`,
      )
      assert.equal(state.ExitCode, 0, 'exit 0, not 137 (killed)')
      assert.equal(state.OOMKilled, false)
      assert.ok(elapsed >= SHUTDOWN_DELAY_MS * 0.9, `stopped after ${elapsed} ms, before the delay`)
      assert.ok(elapsed <= SHUTDOWN_DELAY_MS + 2000, `stopped after ${elapsed} ms`)
    })
  })
})
