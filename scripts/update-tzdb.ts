// Moves the service to another tzdb release: vendors its tzdata.zi and zone1970.tab, regenerates.
//
// Usage: npm run update:tzdb -- PATH
//   PATH: a tzdata.zi (zone1970.tab beside it), a release directory, or a release tarball
//   (tzdata2026f.tar.gz, tzdb-2026f.tar.lz); a release without tzdata.zi gets it from its own
//   Makefile (`make tzdata.zi`).
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateTzdb } from './generate-tzdb.ts'

const dataDir = fileURLToPath(new URL('../data/tzdb/', import.meta.url))

const run = (command: string, args: string[], cwd?: string) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  if (result.error || result.status !== 0)
    throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`)
}

/** The release's tzdata.zi and zone1970.tab, built if the release has only its sources. */
const findSources = (path: string, work: string): { zi: string; tab: string } => {
  if (statSync(path).isFile() && !/\.tar(\.\w+)?$|\.tgz$/.test(path)) {
    return { zi: path, tab: join(dirname(path), 'zone1970.tab') }
  }
  let dir = path
  if (statSync(path).isFile()) {
    dir = join(work, 'release')
    mkdirSync(dir)
    run('tar', ['-xf', path, '-C', dir])
    // tzdb-2026f.tar.lz unpacks into one folder; tzdata2026f.tar.gz into the current one.
    const inner = readdirSync(dir)
    if (!existsSync(join(dir, 'zone1970.tab')) && inner.length === 1 && inner[0]) {
      dir = join(dir, inner[0])
    }
  }
  if (!existsSync(join(dir, 'tzdata.zi'))) run('make', ['tzdata.zi'], dir)
  return { zi: join(dir, 'tzdata.zi'), tab: join(dir, 'zone1970.tab') }
}

/** Vendors the release at `path` into `dir` and regenerates its table; returns the versions. */
export const updateTzdb = (path: string, dir = dataDir) => {
  const work = mkdtempSync(join(tmpdir(), 'moscow-time-tzdb-update-'))
  try {
    const { zi, tab } = findSources(path, work)
    if (!/^# version (\S+)/.test(readFileSync(zi, 'utf8')))
      throw new Error(`${zi}: no "# version" line`)
    if (!existsSync(tab)) throw new Error(`no zone1970.tab beside ${basename(zi)}`)
    const before = /^# version (\S+)/.exec(readFileSync(join(dir, 'tzdata.zi'), 'utf8'))?.[1]
    copyFileSync(zi, join(dir, 'tzdata.zi'))
    copyFileSync(tab, join(dir, 'zone1970.tab'))
    const zoneTab = join(dirname(tab), 'zone.tab')
    if (existsSync(zoneTab)) copyFileSync(zoneTab, join(dir, 'zone.tab'))
    return { before, table: generateTzdb(dir) }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const path = process.argv[2]
  if (!path) {
    console.error(
      'usage: npm run update:tzdb -- PATH   (a tzdata.zi, a release directory or tarball)',
    )
    process.exit(2)
  }
  const { before, table } = updateTzdb(path)
  console.log(
    `tzdb ${before} -> ${table.version}: ${Object.keys(table.zones).length} zones, ${Object.keys(table.links).length} links. Now: npm test`,
  )
}
