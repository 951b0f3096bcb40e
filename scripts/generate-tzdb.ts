// Compiles the vendored tzdb source (data/tzdb/tzdata.zi) with zic and writes data/tzdb/zones.json,
// the only source of offsets, DST and abbreviations the service uses. See docs/time.md.
//
// Usage: node scripts/generate-tzdb.ts
// The steps live in scripts/tzdb/: zic.ts compiles, tzif.ts reads the output, saves.ts recovers
// the DST amounts, stages.ts and periods.ts make the rows, table.ts assembles them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeSaves } from './tzdb/saves.ts'
import { generateTable } from './tzdb/table.ts'
import { compileZi } from './tzdb/zic.ts'

const dataDir = fileURLToPath(new URL('../data/tzdb/', import.meta.url))

/** Compiles `dir`/tzdata.zi with zic into a temporary tree and writes `dir`/zones.json. */
export const generateTzdb = (dir = dataDir) => {
  const zi = readFileSync(join(dir, 'tzdata.zi'), 'utf8')
  const work = mkdtempSync(join(tmpdir(), 'moscow-time-zic-'))
  try {
    compileZi(join(dir, 'tzdata.zi'), join(work, 'zones'))
    writeFileSync(join(work, 'saves.zi'), encodeSaves(zi))
    compileZi(join(work, 'saves.zi'), join(work, 'saves'))
    // zone.tab places the zones that zone1970.tab folds into others (Amsterdam into Brussels).
    const zone1970 = [join(dir, 'zone1970.tab'), join(dir, 'zone.tab')]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    const table = generateTable(zi, zone1970, join(work, 'zones'), join(work, 'saves'))
    writeFileSync(join(dir, 'zones.json'), `${JSON.stringify(table)}\n`)
    return table
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const table = generateTzdb()
  const size = readFileSync(join(dataDir, 'zones.json')).length
  console.log(
    `tzdb ${table.version}: ${Object.keys(table.zones).length} zones, ${Object.keys(table.links).length} links, data/tzdb/zones.json ${(size / 1024).toFixed(0)} KiB`,
  )
}
