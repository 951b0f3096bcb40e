// A generator's pinned inputs: a folder's own package.json and lockfile, kept out of the root install.
//
//   const { require, versions, file } = installPinnedInputs(new URL('./my-inputs/', import.meta.url))
//
// installs that folder's lockfile into its node_modules (`npm ci`) when what is there differs,
// then hands back a require rooted in the folder, its dependencies' versions and their files.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export type PinnedInputs = {
  /** require() as from the folder: finds its node_modules. */
  require: ReturnType<typeof createRequire>
  /** Each dependency of the folder's package.json -> its installed version. */
  versions: Record<string, string>
  /** A file of an installed package: file('cldr-dates-full/LICENSE'). */
  file: (path: string) => URL
}

type Lock = {
  packages: Record<
    string,
    { version?: string; optional?: boolean; dependencies?: Record<string, string> }
  >
}

/**
 * Installs `dir`'s package.json and package-lock.json into `dir`/node_modules (`npm ci`) when they
 * are missing or stale. `moves` ("name@version" or "name@latest") first move those pins with
 * `npm install --save-exact`, rewriting the folder's package.json and lockfile.
 */
export const installPinnedInputs = (dir: URL, moves: readonly string[] = []): PinnedInputs => {
  const npm = (...args: string[]) =>
    execFileSync(
      'npm',
      [...args, '--prefix', fileURLToPath(dir), '--ignore-scripts', '--no-audit', '--no-fund'],
      { stdio: 'inherit' },
    )
  if (moves.length > 0) npm('install', '--save-exact', ...moves)
  const stale = findStaleInputs(dir)
  if (stale.length > 0) {
    console.log(`${fileURLToPath(dir)}: ${stale.join('; ')}: npm ci`)
    npm('ci')
  }
  const file = (path: string) => new URL(`node_modules/${path}`, dir)
  const versions = Object.fromEntries(
    Object.keys(dependenciesOf(dir)).map((name) => [
      name,
      readJson(file(`${name}/package.json`)).version as string,
    ]),
  )
  return { require: createRequire(new URL('package.json', dir)), versions, file }
}

/**
 * Why `dir`/node_modules is not what `dir`'s lockfile pins ("geo-tz: 8.1.9 pinned, 8.1.8
 * installed"); empty when it is. Reads the installed packages' own package.json, not npm's notes.
 */
export const findStaleInputs = (dir: URL): string[] => {
  const lock = readJson(new URL('package-lock.json', dir)) as Lock
  const stale: string[] = []
  // npm ci would refuse these; running it says so in npm's words.
  const locked = lock.packages['']?.dependencies ?? {}
  if (JSON.stringify(sorted(dependenciesOf(dir))) !== JSON.stringify(sorted(locked))) {
    stale.push('package.json and package-lock.json differ')
  }
  for (const [path, { version, optional }] of Object.entries(lock.packages)) {
    // The root, and links, have no version of their own.
    if (path === '' || version === undefined) continue
    const manifest = new URL(`${path}/package.json`, dir)
    const installed = existsSync(manifest) ? readJson(manifest).version : undefined
    // An optional package npm skipped (another platform's) is not missing.
    if (installed === undefined && optional) continue
    if (installed !== version) {
      const name = path.replace(/^node_modules\//, '')
      stale.push(`${name}: ${version} pinned, ${installed ?? 'none'} installed`)
    }
  }
  return stale
}

const dependenciesOf = (dir: URL) =>
  (readJson(new URL('package.json', dir)).dependencies ?? {}) as Record<string, string>

const sorted = (record: Record<string, unknown>) => Object.entries(record).sort()

function readJson(file: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}
