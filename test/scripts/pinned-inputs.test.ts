import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { findStaleInputs, installPinnedInputs } from '../../scripts/pinned-inputs.ts'

// Folders made by hand, as npm ci would leave them: nothing here reaches npm or the network.
const root = mkdtempSync(join(tmpdir(), 'moscow-time-pinned-'))
after(() => rmSync(root, { recursive: true, force: true }))

type Installed = Record<string, string | undefined>
const LOCK = {
  'node_modules/alpha': { version: '1.2.3' },
  'node_modules/beta': { version: '2.0.0' },
  'node_modules/alpha/node_modules/beta': { version: '1.0.0' },
  'node_modules/other-platform': { version: '0.1.0', optional: true },
}
const AS_LOCKED: Installed = {
  'node_modules/alpha': '1.2.3',
  'node_modules/beta': '2.0.0',
  'node_modules/alpha/node_modules/beta': '1.0.0',
}

let folders = 0
/** A folder pinning alpha and beta, with `installed` (package path -> version) in node_modules. */
const makeFolder = (installed: Installed, pins = { alpha: '1.2.3', beta: '2.0.0' }): URL => {
  const dir = join(root, String(folders++))
  mkdirSync(dir)
  const json = (path: string, value: unknown) =>
    writeFileSync(join(dir, path), JSON.stringify(value))
  json('package.json', { name: 'inputs', dependencies: pins })
  const rootEntry = { name: 'inputs', dependencies: { alpha: '1.2.3', beta: '2.0.0' } }
  json('package-lock.json', { lockfileVersion: 3, packages: { '': rootEntry, ...LOCK } })
  for (const [path, version] of Object.entries(installed)) {
    if (version === undefined) continue
    mkdirSync(join(dir, path), { recursive: true })
    json(`${path}/package.json`, { name: path.split('/').at(-1), version })
    writeFileSync(join(dir, path, 'index.js'), `module.exports = '${path}@${version}'`)
  }
  return pathToFileURL(`${dir}/`)
}

describe('findStaleInputs', () => {
  test('finds nothing when every locked package is installed at its version', () => {
    assert.deepEqual(findStaleInputs(makeFolder(AS_LOCKED)), [])
  })

  test('names every package when nothing is installed, but not a skipped optional one', () => {
    assert.deepEqual(findStaleInputs(makeFolder({})), [
      'alpha: 1.2.3 pinned, none installed',
      'beta: 2.0.0 pinned, none installed',
      'alpha/node_modules/beta: 1.0.0 pinned, none installed',
    ])
  })

  test('names a package installed at another version, nested ones too', () => {
    const dir = makeFolder({ ...AS_LOCKED, 'node_modules/alpha/node_modules/beta': '1.0.1' })
    assert.deepEqual(findStaleInputs(dir), [
      'alpha/node_modules/beta: 1.0.0 pinned, 1.0.1 installed',
    ])
  })

  test('checks an optional package that is installed', () => {
    const dir = makeFolder({ ...AS_LOCKED, 'node_modules/other-platform': '0.0.9' })
    assert.deepEqual(findStaleInputs(dir), ['other-platform: 0.1.0 pinned, 0.0.9 installed'])
  })

  test('says so when package.json pins what the lockfile does not', () => {
    const dir = makeFolder(AS_LOCKED, { alpha: '1.2.4', beta: '2.0.0' })
    assert.deepEqual(findStaleInputs(dir), ['package.json and package-lock.json differ'])
  })
})

describe('installPinnedInputs', () => {
  test('leaves an up-to-date folder alone and requires from it', () => {
    // Were npm run after all, offline it would fail rather than fetch.
    process.env.npm_config_offline = 'true'
    const inputs = installPinnedInputs(makeFolder(AS_LOCKED))
    assert.equal(inputs.require('alpha'), 'node_modules/alpha@1.2.3')
    assert.deepEqual(inputs.versions, { alpha: '1.2.3', beta: '2.0.0' })
    assert.match(inputs.file('beta/index.js').href, /\/node_modules\/beta\/index\.js$/)
  })
})
