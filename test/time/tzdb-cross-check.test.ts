import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import data from '../../data/tzdb/zones.json' with { type: 'json' }
import { encodeSaves } from '../../scripts/tzdb/saves.ts'
import { compileZi } from '../../scripts/tzdb/zic.ts'
import { createTimeDescriber } from '../../src/time/time-info.ts'
import { tzdbNames } from '../../src/time/tzdb.ts'
import { decodeZone, type TzdbTable } from '../../src/time/tzdb-table.ts'

// Our answers against Python's zoneinfo reading the same vendored release, compiled here by zic:
// nothing comes from the machine's own tzdata, so the check holds on any machine.
const zi = fileURLToPath(new URL('../../data/tzdb/tzdata.zi', import.meta.url))
const reference = fileURLToPath(new URL('./tzdb-reference.py', import.meta.url))
const END = Date.UTC(2037, 0, 1) / 1000
const TABLE_END = Date.UTC(2101, 0, 1) / 1000
const RANDOM_INSTANTS = 4000

type Row = [number, number, number, string, number | null, number | null]

const missing = (t: { skip(message: string): void }, why: string) => {
  if (process.env.CI === 'true') assert.fail(why)
  t.skip(why)
}

// A seeded generator, so a failure names instants that the next run checks again.
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

const work = mkdtempSync(join(tmpdir(), 'moscow-time-tzdb-'))
after(() => rmSync(work, { recursive: true, force: true }))

const iso = (seconds: number | null) =>
  seconds === null ? null : `${new Date(seconds * 1000).toISOString().slice(0, 19)}+00:00`

test('every zone and link agrees with Python zoneinfo over the vendored tzdb, at every transition', (t) => {
  try {
    compileZi(zi, join(work, 'zones'))
    writeFileSync(join(work, 'saves.zi'), encodeSaves(readFileSync(zi, 'utf8')))
    compileZi(join(work, 'saves.zi'), join(work, 'saves'))
  } catch (error) {
    return missing(t, `zic is needed for the tzdb cross-check: ${(error as Error).message}`)
  }
  const names = [...tzdbNames.zones, ...Object.keys(tzdbNames.links)]
  const next = random(20_261_128)
  // Our transitions, a second before and at each (the reference adds its own the same way).
  const table = data as unknown as TzdbTable
  const queries = Object.fromEntries(
    names.map((name) => {
      const { starts } = decodeZone(table.zones[tzdbNames.links[name] ?? name] ?? ['', [], [], '0'])
      return [name, [...starts].filter((s) => s > 0 && s < END).flatMap((s) => [s - 1, s])]
    }),
  )
  for (let i = 0; i < RANDOM_INSTANTS; i++) {
    const name = names[Math.floor(next() * names.length)] as string
    queries[name]?.push(Math.floor(next() * END))
  }
  // 2037 to 2101: our transitions there (the footer's rule, expanded) and random instants.
  const late = Object.fromEntries(
    names.map((name) => {
      const { starts } = decodeZone(table.zones[tzdbNames.links[name] ?? name] ?? ['', [], [], '0'])
      const own = [...starts].filter((s) => s >= END && s < TABLE_END)
      return [name, own.flatMap((s) => [s - 1, s])]
    }),
  )
  for (let i = 0; i < RANDOM_INSTANTS; i++) {
    const name = names[Math.floor(next() * names.length)] as string
    late[name]?.push(END + Math.floor(next() * (TABLE_END - END)))
  }
  const python = spawnSync('python3', [reference], {
    input: JSON.stringify({
      zones: join(work, 'zones'),
      saves: join(work, 'saves'),
      queries,
      late,
    }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  if (python.error)
    return missing(t, `python3 is needed for the tzdb cross-check: ${python.error.message}`)
  assert.equal(python.status, 0, python.stderr)
  const { answers, late: lateAnswers } = JSON.parse(python.stdout) as {
    answers: Record<string, Row[]>
    late: Record<string, Array<[number, number, string]>>
  }

  const describeTime = createTimeDescriber()
  const problems: string[] = []
  let instants = 0
  for (const name of names) {
    const rows = answers[name]
    assert.ok(rows && rows.length > 0, `${name}: no answer from the reference`)
    for (const [seconds, offset, dst, abbreviation, from, until] of rows) {
      const ours = describeTime(Temporal.Instant.fromEpochMilliseconds(seconds * 1000), name)
      const want = {
        offset,
        dst: dst !== 0,
        dst_offset: dst,
        abbreviation,
        dst_from: dst !== 0 ? iso(from) : null,
        dst_until: dst !== 0 ? iso(until) : null,
      }
      const got = {
        offset: ours.raw_offset + ours.dst_offset,
        dst: ours.dst,
        dst_offset: ours.dst_offset,
        abbreviation: ours.abbreviation,
        dst_from: ours.dst_from,
        dst_until: ours.dst_until,
      }
      instants++
      if (JSON.stringify(got) !== JSON.stringify(want) && problems.length < 20) {
        problems.push(
          `${name} at ${iso(seconds)}: ours ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`,
        )
      }
    }
  }
  let lateInstants = 0
  for (const name of names) {
    for (const [seconds, offset, abbreviation] of lateAnswers[name] ?? []) {
      const ours = describeTime(Temporal.Instant.fromEpochMilliseconds(seconds * 1000), name)
      const got = [ours.raw_offset + ours.dst_offset, ours.abbreviation]
      lateInstants++
      if (JSON.stringify(got) !== JSON.stringify([offset, abbreviation]) && problems.length < 20) {
        problems.push(
          `${name} at ${iso(seconds)}: ours ${got}, reference ${[offset, abbreviation]}`,
        )
      }
    }
  }
  t.diagnostic(
    `${tzdbNames.zones.length} zones and ${Object.keys(tzdbNames.links).length} links, ${instants} instants from 1970 to 2037 and ${lateInstants} from 2037 to 2101`,
  )
  assert.deepEqual(problems, [])
  assert.ok(instants > 50_000, `only ${instants} instants checked`)
  assert.ok(lateInstants > 20_000, `only ${lateInstants} instants checked after 2037`)
})
