import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { loadBundle } from '../src/code-cache.ts'
import { compressTable } from '../src/table-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'moscow-time-code-cache-'))
after(() => rmSync(dir, { recursive: true, force: true }))

type Seen = { filename: string; dirname: string; sep: string; exportsIsModules: boolean; n: number }
const seen = () => (globalThis as { codeCacheFixture?: Seen }).codeCacheFixture

// A CommonJS bundle in miniature: it reports what Node's module wrapper gave it.
const bundleSource = (n: number) => `
  const { sep } = require('node:path')
  const answer = (x) => x * ${n}
  globalThis.codeCacheFixture = {
    filename: __filename, dirname: __dirname, sep, exportsIsModules: exports === module.exports, n: answer(1),
  }
`

const writeBundle = (name: string, source: string) => {
  const file = join(dir, name)
  writeFileSync(file, source)
  return pathToFileURL(file)
}

const cacheFile = (file: URL) => new URL(`${file.href}.cache`)

/** Runs the bundle `from`, then writes the code cache it made where `to`'s cache is read. */
const writeCacheFrom = (from: URL, to = from) => {
  const bundle = loadBundle(from)
  bundle.run()
  writeFileSync(cacheFile(to), bundle.codeCache())
}

/** Loads `file`, V8 taking its cache or not as `cached` says, and runs it to count `n`. */
const assertRuns = (file: URL, cached: boolean, n: number) => {
  const bundle = loadBundle(file)
  assert.equal(bundle.cached, cached)
  bundle.run()
  assert.equal(seen()?.n, n)
}

test('runs a CommonJS bundle as Node would: require, __filename, __dirname, module', () => {
  const file = writeBundle('plain.cjs', bundleSource(3))
  const bundle = loadBundle(file)
  assert.equal(bundle.cached, false, 'no cache was written')
  bundle.run()
  assert.deepEqual(seen(), {
    filename: join(dir, 'plain.cjs'),
    dirname: dir,
    sep: '/',
    exportsIsModules: true,
    n: 3,
  })
})

test('V8 takes the cache written from the same bundle, which then runs the same', () => {
  const file = writeBundle('cached.cjs', bundleSource(5))
  writeCacheFrom(file)
  assertRuns(file, true, 5)
})

test('a cache from another bundle of the same length is refused, and the bundle still runs', () => {
  // V8 itself compares only the lengths of the sources, so only the checksum tells these apart.
  const file = writeBundle('rebuilt.cjs', bundleSource(7))
  const other = writeBundle('other.cjs', bundleSource(8))
  assert.equal(readFileSync(file).length, readFileSync(other).length)
  writeCacheFrom(other, file)
  assertRuns(file, false, 7)
})

test('a truncated or foreign cache file is ignored', () => {
  const file = writeBundle('damaged.cjs', bundleSource(9))
  for (const junk of [Buffer.alloc(0), Buffer.from('not a cache'), Buffer.alloc(64, 1)]) {
    writeFileSync(cacheFile(file), junk)
    assertRuns(file, false, 9)
  }
})

test('reads the bundle from <file>.br where only that is shipped, and takes the same cache', () => {
  const file = writeBundle('shipped.cjs', bundleSource(11))
  writeCacheFrom(file)
  writeFileSync(new URL(`${file.href}.br`), compressTable(readFileSync(file), 9))
  rmSync(file)
  assertRuns(file, true, 11)
})

test('scripts/write-code-cache.ts starts the bundle, asks for /, and leaves a cache V8 takes', () => {
  const server = `
    const { createServer } = require('node:http')
    createServer((request, response) => response.writeHead(request.url === '/' ? 200 : 404).end())
      .listen(Number(process.env.PORT), process.env.HOST)
  `
  const file = writeBundle('server.cjs', server)
  const writer = new URL('../scripts/write-code-cache.ts', import.meta.url).pathname
  const run = spawnSync(process.execPath, [writer, file.pathname], { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stdout, /server\.cjs\.cache: \d+ KiB/)
  assert.equal(loadBundle(file).cached, true)
})
