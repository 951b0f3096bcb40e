import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { readTzif } from '../../scripts/tzdb/tzif.ts'
import { compileZi } from '../../scripts/tzdb/zic.ts'
import { parsePosixTz, transitionsInYear } from '../../src/time/posix-tz.ts'
import { buildTestApp } from '../helpers.ts'

// The tables against zic's own footers for the same vendored release, compiled here: nothing
// comes from the machine's tzdata. The compiler is the machine's, though (Debian 12's wrote the
// tables), and zic releases may spell one rule two ways (a `/2` left out, `M10.5.0/3` as
// `M10.5.0/03:00`): a footer spelled otherwise passes when it says the same, to the offset, the
// abbreviation and the second of every change from 2026 to 2100; the spellings are listed.
const zi = fileURLToPath(new URL('../../data/tzdb/tzdata.zi', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'moscow-time-posix-'))
after(() => rmSync(work, { recursive: true, force: true }))

const missing = (t: { skip(message: string): void }, why: string) => {
  if (process.env.CI === 'true') assert.fail(why)
  t.skip(why)
}

// Every compiled file: zones and links alike (zic writes a link as a file of its own).
const compiledNames = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? compiledNames(dir, `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  )

// Both rules parse, and give the same standard time and the same changes in every year to 2100.
const sameRule = (ours: string, zics: string) => {
  const [a, b] = [parsePosixTz(ours), parsePosixTz(zics)]
  if (!a || !b) return false
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)
  if (!same(a.standard, b.standard)) return false
  for (let year = 2026; year <= 2100; year++)
    if (!same(transitionsInYear(a, year), transitionsInYear(b, year))) return false
  return true
}

test('/api/posix and /api/posix.csv give, line by line, the footers zic writes for the vendored tzdb', async (t) => {
  const out = join(work, 'zoneinfo')
  try {
    compileZi(zi, out)
  } catch (error) {
    return missing(t, `zic is needed for the POSIX TZ cross-check: ${(error as Error).message}`)
  }
  // Factory is a placeholder for machines with no zone set, not a place: the API never lists it.
  const names = compiledNames(out)
    .filter((name) => name !== 'Factory')
    .sort()
  const footers = names.map((name) => readTzif(readFileSync(join(out, name))).footer)
  const app = buildTestApp()
  const json = (await app.inject('/api/posix')).body.split('\n')
  const csv = (await app.inject('/api/posix.csv')).body.split('\n')
  assert.equal(json.length, names.length + 2, 'a line per compiled zone and link, and the braces')
  assert.equal(
    csv.length,
    names.length + 1,
    'a line per compiled zone and link, and the last newline',
  )
  const problems: string[] = []
  const spelledOtherwise: string[] = []
  const ours = await app.inject('/api/posix')
  const table = JSON.parse(ours.body) as Record<string, string>
  names.forEach((name, i) => {
    const zics = footers[i] as string
    const footer = table[name] === zics || !sameRule(table[name] ?? '', zics) ? zics : table[name]
    if (footer !== zics) spelledOtherwise.push(`${name}: ${footer} (zic: ${zics})`)
    const last = i === names.length - 1
    const wantJson = `${JSON.stringify(name)}:${JSON.stringify(footer)}${last ? '' : ','}`
    if (json[i + 1] !== wantJson)
      problems.push(`json line ${i + 2}: ${json[i + 1]} (zic: ${wantJson})`)
    if (csv[i] !== `"${name}","${footer}"`)
      problems.push(`csv line ${i + 1}: ${csv[i]} (zic: ${zics})`)
  })
  t.diagnostic(`${names.length} zones and links compared with zic's footers`)
  if (spelledOtherwise.length > 0)
    t.diagnostic(`the same rule spelled otherwise by this zic: ${spelledOtherwise.join('; ')}`)
  assert.deepEqual(problems.slice(0, 20), [])
  assert.ok(names.length > 550, `only ${names.length} names compiled`)
  await app.close()
})
