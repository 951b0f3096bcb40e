import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { updateTzdb } from '../../scripts/update-tzdb.ts'
import { decodeZone, type TzdbTable } from '../../src/time/tzdb-table.ts'

const vendored = fileURLToPath(new URL('../../data/tzdb/', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'moscow-time-update-'))
after(() => rmSync(work, { recursive: true, force: true }))

const hasZic = spawnSync('zic', ['--version']).status === 0

// A "new release": the vendored one with its version line changed and Moscow moved to +04.
const release = (dir: string, version: string) => {
  mkdirSync(dir, { recursive: true })
  const zi = readFileSync(join(vendored, 'tzdata.zi'), 'utf8')
    .replace(/^# version \S+/, `# version ${version}`)
    .replace(/^(Z Europe\/Moscow[\s\S]*?\n)3 - MSK\n/m, '$1' + '3 - MSK 2030\n4 - MSK\n')
  writeFileSync(join(dir, 'tzdata.zi'), zi)
  copyFileSync(join(vendored, 'zone1970.tab'), join(dir, 'zone1970.tab'))
}

const target = () => {
  const dir = join(work, `data-${Math.random().toString(36).slice(2)}`)
  mkdirSync(dir)
  for (const file of ['tzdata.zi', 'zone1970.tab'])
    copyFileSync(join(vendored, file), join(dir, file))
  return dir
}

// Moscow's offset after its last transition, as the regenerated table has it.
const moscowAtTheEnd = (dir: string) => {
  const table: TzdbTable = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8'))
  const { types, kinds } = decodeZone(table.zones['Europe/Moscow'] ?? ['', [], [], ''])
  return types[kinds.at(-1) ?? 0]?.[0]
}

test('update:tzdb takes a tzdata.zi, a release folder or a tarball, and regenerates', {
  skip: !hasZic && process.env.CI !== 'true' && 'zic is needed (Debian: libc-bin)',
}, () => {
  const folder = join(work, 'tzdb-2099z')
  release(folder, '2099z')
  const tarball = join(work, 'tzdb-2099z.tar.gz')
  assert.equal(spawnSync('tar', ['-czf', tarball, '-C', work, 'tzdb-2099z']).status, 0)
  for (const path of [join(folder, 'tzdata.zi'), folder, tarball]) {
    const dir = target()
    const { before, table } = updateTzdb(path, dir)
    assert.match(before ?? '', /^\d{4}[a-z]$/, path)
    assert.equal(table.version, '2099z', path)
    assert.match(readFileSync(join(dir, 'tzdata.zi'), 'utf8'), /^# version 2099z/)
    assert.equal(moscowAtTheEnd(dir), 14_400, `${path}: Moscow's +04 from 2030`)
  }
})

test('update:tzdb refuses a file with no version line and leaves the data as it was', () => {
  const bad = join(work, 'bad.zi')
  writeFileSync(bad, 'Z Nowhere 0 - XXX\n')
  const dir = target()
  assert.throws(() => updateTzdb(bad, dir), /no "# version" line/)
  assert.equal(
    readFileSync(join(dir, 'tzdata.zi'), 'utf8'),
    readFileSync(join(vendored, 'tzdata.zi'), 'utf8'),
  )
})
