// The house's rules (docs/architecture.md), checked on every source file: which room may import
// which, and that only src/main.ts touches `process`.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const SRC = fileURLToPath(new URL('../src/', import.meta.url))

// What each room may import besides itself and node's built-ins; `data` is the committed data.
// The composition root (src/*.ts at the top: main, app, config, ...) may import anything.
const MAY_IMPORT: Record<string, readonly string[]> = {
  time: ['data'],
  ip: ['time', 'table-file.ts'],
  places: ['time', 'table-file.ts'],
  udp: ['time', 'ip', 'http/metrics.ts'],
  i18n: [],
  'page-contract': ['i18n', 'time'],
  client: ['page-contract', 'i18n', 'time'],
  // The page links to the API: its paths are the one part of http/ it reads.
  render: ['page-contract', 'i18n', 'time', 'ip', 'places', 'data', 'http/api-contract.ts'],
  // Type-only imports are not counted (error-answers.ts names the error page's renderer type).
  http: ['ip', 'i18n', 'time', 'server-limits.ts', 'lifecycle.ts'],
  routes: ['http', 'render', 'time', 'ip', 'places', 'i18n', 'page-contract', 'lifecycle.ts'],
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )

// Value imports and re-exports, static and dynamic; `import type` erases at run time.
const IMPORT =
  /^\s*(?:import|export)(?!\s+type\b)[^'"]*?\sfrom\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, resolve(dirname(file), specifier)))

const roomOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path)

test('each room imports only the rooms below it', () => {
  const broken: string[] = []
  for (const file of sources(SRC)) {
    const from = relative(SRC, file)
    const room = roomOf(from) as string
    const allowed = MAY_IMPORT[room]
    if (!allowed) continue
    for (const target of importsOf(file)) {
      const to = target.startsWith('..') ? 'data' : target
      if (roomOf(to) === room) continue
      const ok = allowed.some(
        (rule) => to === rule || roomOf(to) === rule || to.startsWith(`${rule}/`),
      )
      if (!ok) broken.push(`${from} -> ${to}`)
    }
  }
  assert.deepEqual(broken, [])
})

test('nothing outside src/client/ imports the browser code', () => {
  const importers = sources(SRC)
    .filter((file) => !relative(SRC, file).startsWith('client/'))
    .filter((file) => importsOf(file).some((target) => target.startsWith('client/')))
  assert.deepEqual(importers, [])
})

test('only src/main.ts touches process', () => {
  const readers = sources(SRC)
    .filter((file) => relative(SRC, file) !== 'main.ts')
    .filter((file) =>
      /\bprocess\.(env|exit|on|once|argv|stdout|stderr|stdin)\b/.test(readFileSync(file, 'utf8')),
    )
    .map((file) => relative(SRC, file))
  assert.deepEqual(readers, [])
})
