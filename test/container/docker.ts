// Shared plumbing for the container suites: one real Docker engine, host networking only
// (the engine here runs without a bridge), and traffic only to 127.0.0.1.
import { execFile, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'

export { freePort } from '../../scripts/free-port.ts'

export const root = join(import.meta.dirname, '..', '..')

// Debian's client: the engine's own, with BuildKit. Another client on PATH may lack it.
export const dockerBin =
  process.env.DOCKER ?? (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker')

export const dockerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DOCKER_BUILDKIT: '1',
  COMPOSE_DOCKER_CLI_BUILD: '1',
  // docker-compose v1 builds by running `docker` from PATH: make that the engine's own client.
  PATH: `/usr/bin:${process.env.PATH ?? ''}`,
}

export const imageTag = process.env.MOSCOW_TIME_TEST_IMAGE ?? 'moscow-time:container-test'
export const composeImageTag = `${imageTag}-compose`

export type Result = { code: number; stdout: string; stderr: string }

export const run = (
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Result> =>
  new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd ?? root,
        env: options.env ?? dockerEnv,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })

export const docker = (args: readonly string[], timeoutMs?: number): Promise<Result> =>
  run(dockerBin, args, timeoutMs === undefined ? {} : { timeoutMs })

/** Runs docker and returns its trimmed stdout, failing with its output when it fails. */
export const dockerOk = async (args: readonly string[], timeoutMs?: number): Promise<string> => {
  const result = await docker(args, timeoutMs)
  if (result.code !== 0) {
    throw new Error(
      `docker ${args.join(' ')} exited ${result.code}\n${tail(result.stdout)}\n${tail(result.stderr)}`,
    )
  }
  return result.stdout.trim()
}

export const tail = (text: string, lines = 40): string =>
  text.trim().split('\n').slice(-lines).join('\n')

const probeEngine = async (): Promise<string | undefined> => {
  const result = await run(dockerBin, ['version', '--format', '{{.Server.Version}}'], {
    timeoutMs: 15_000,
  })
  if (result.code === 0 && result.stdout.trim() !== '') return undefined
  return `no Docker engine answers ${dockerBin} (${tail(result.stderr, 2) || `exit ${result.code}`})`
}

/**
 * Declares a suite that needs the engine. Without one it is skipped locally with the reason,
 * but in CI (CI=true) a missing engine is a failing test, never a silent skip.
 */
export const engineSuite = async (name: string, body: () => void): Promise<void> => {
  const missing = await probeEngine()
  if (missing !== undefined && process.env.CI === 'true') {
    test(`${name}: a Docker engine is available in CI`, () => {
      throw new Error(`${missing}; .ci/run must start dockerd before the tests`)
    })
    return
  }
  if (missing !== undefined) {
    console.log(`# skipping "${name}": ${missing}`)
    test(name, { skip: missing }, () => {})
    return
  }
  body()
}

let baseImage: Promise<string> | undefined

/** The build base: NODE_IMAGE when the caller names one, else the local stand-in (cached by tag). */
export const buildBaseImage = (): Promise<string> => {
  baseImage ??= (async () => {
    if (process.env.NODE_IMAGE) return process.env.NODE_IMAGE
    const result = await run('bash', [join(root, 'scripts', 'build-base-image.sh')], {
      timeoutMs: 300_000,
    })
    if (result.code !== 0) {
      throw new Error(`the stand-in base image did not build\n${tail(result.stderr)}`)
    }
    const tag = result.stdout.trim().split('\n').at(-1) ?? ''
    if (tag === '') throw new Error('build-base-image.sh printed no tag')
    return tag
  })()
  return baseImage
}

export type BuiltImage = { tag: string; version: string; revision: string; created: string }

const gitOr = async (args: readonly string[], fallback: string): Promise<string> => {
  const result = await run('git', args, { timeoutMs: 10_000 })
  const out = result.stdout.trim()
  return result.code === 0 && out !== '' ? out : fallback
}

/** The registry npm uses on this machine, handed to npm inside the build (never hard-coded). */
export const npmRegistry = async (): Promise<string> => {
  const result = await run('npm', ['config', 'get', 'registry'], { timeoutMs: 30_000 })
  return result.code === 0 ? result.stdout.trim() : ''
}

let builtImage: Promise<BuiltImage> | undefined

export const buildImage = (): Promise<BuiltImage> => {
  builtImage ??= (async () => {
    const base = await buildBaseImage()
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string
    const revision = await gitOr(['rev-parse', 'HEAD'], 'unknown')
    // The commit's own date, not "now": the same commit builds the same labels, so the image ID
    // stays stable and rebuilds are cache hits.
    const created = await gitOr(['log', '-1', '--format=%cd', '--date=iso-strict'], '')
    const createdUtc = new Date(created === '' ? Date.now() : created)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
    const registry = await npmRegistry()
    const args = [
      'build',
      '--network',
      'host',
      '--progress',
      'plain',
      '--build-arg',
      `NODE_IMAGE=${base}`,
      '--build-arg',
      `VERSION=${version}`,
      '--build-arg',
      `REVISION=${revision}`,
      '--build-arg',
      `CREATED=${createdUtc}`,
      ...(registry === '' ? [] : ['--build-arg', `npm_config_registry=${registry}`]),
      '--tag',
      imageTag,
      root,
    ]
    const result = await docker(args, 420_000)
    if (result.code !== 0) {
      throw new Error(`docker build failed (exit ${result.code})\n${tail(result.stderr, 60)}`)
    }
    return { tag: imageTag, version, revision, created: createdUtc }
  })()
  return builtImage
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** Polls until check returns a value, or fails after timeoutMs with the last error. */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error
    }
    await sleep(intervalMs)
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`)
}

export type Entry = { path: string; mode: string; size: number; type: string }

/** Every entry of a container's filesystem, from `docker export` read by tar. */
export const listContainerFiles = (container: string): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const exporter = spawn(dockerBin, ['export', container], { env: dockerEnv })
    const lister = spawn('tar', ['--list', '--verbose', '--numeric-owner', '--file', '-'])
    exporter.stdout.pipe(lister.stdin)
    let out = ''
    let err = ''
    lister.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
    })
    lister.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk
    })
    exporter.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk
    })
    exporter.on('error', reject)
    lister.on('error', reject)
    lister.on('close', (code) => {
      if (code !== 0) return reject(new Error(`tar exited ${code}: ${tail(err)}`))
      // -rwxr-xr-x 0/0  144000000 2026-11-27 13:37 usr/local/bin/node
      const entries = out
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const fields = line.split(/\s+/)
          const mode = fields[0] ?? ''
          const name = fields
            .slice(5)
            .join(' ')
            .replace(/ (->|link to) .*$/, '')
          return {
            path: `/${name.replace(/^\.?\//, '').replace(/\/$/, '')}`,
            mode,
            size: Number(fields[2]),
            type: mode[0] ?? '?',
          }
        })
      resolve(entries)
    })
  })

export const removeContainers = async (names: readonly string[]): Promise<void> => {
  if (names.length > 0) await docker(['rm', '--force', '--volumes', ...names], 30_000)
}
