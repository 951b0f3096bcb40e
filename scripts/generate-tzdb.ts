// Compiles the vendored tzdb source (data/tzdb/tzdata.zi) with zic and writes data/tzdb/zones.json,
// the only source of offsets, DST and abbreviations the service uses. See docs/time.md.
//
// Usage: node scripts/generate-tzdb.ts
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type PosixOffset, parsePosixTz, transitionsInYear } from '../src/time/posix-tz.ts'
import { encodeZone, type TablePeriod, type TzdbTable } from '../src/time/tzdb-table.ts'

/** The table spans 1970-01-01 to 2101-01-01 UTC; beyond, the footer's rule is applied at run time. */
export const TABLE_START = 0
export const TABLE_END = Date.UTC(2101, 0, 1) / 1000

type Stage = PosixOffset & { at: number }
type SavedStage = Stage & { save: number }

const dataDir = fileURLToPath(new URL('../data/tzdb/', import.meta.url))

// TZif (RFC 8536): skip the v1 block, read the 64-bit block and the POSIX TZ footer.
export const readTzif = (buf: Buffer): { stages: Stage[]; footer: string } => {
  if (buf.toString('latin1', 0, 4) !== 'TZif' || buf[4] === 0) throw new Error('not TZif v2+')
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + i * 4))
  const [isut1 = 0, isstd1 = 0, leap1 = 0, time1 = 0, type1 = 0, char1 = 0] = counts(0)
  const head = 44 + time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1
  const [isut = 0, isstd = 0, leap = 0, timeCount = 0, typeCount = 0, charCount = 0] = counts(head)
  let at = head + 44
  const times = Array.from({ length: timeCount }, (_, i) => Number(buf.readBigInt64BE(at + i * 8)))
  at += timeCount * 8
  const typeIndexes = [...buf.subarray(at, at + timeCount)]
  at += timeCount
  const charsAt = at + typeCount * 6
  const types = Array.from({ length: typeCount }, (_, i): PosixOffset => {
    const p = at + i * 6
    const nameAt = charsAt + (buf[p + 5] ?? 0)
    return {
      offset: buf.readInt32BE(p),
      isDst: buf[p + 4] === 1,
      abbreviation: buf.toString('latin1', nameAt, buf.indexOf(0, nameAt)),
    }
  })
  const footerAt = charsAt + charCount + leap * 12 + isstd + isut
  const footer = buf.toString('latin1', footerAt).split('\n')[1] ?? ''
  // Before the first transition, type 0 holds (RFC 8536 section 3.2).
  const first = types[0]
  if (!first) throw new Error('no time types')
  const stages: Stage[] = [{ at: Number.NEGATIVE_INFINITY, ...first }]
  times.forEach((time, i) => {
    const type = types[typeIndexes[i] ?? 0]
    if (type) stages.push({ at: time, ...type })
  })
  return { stages, footer }
}

const yearOf = (epochSeconds: number) => new Date(epochSeconds * 1000).getUTCFullYear()

const sameType = (a: PosixOffset | undefined, b: PosixOffset) =>
  a !== undefined &&
  a.offset === b.offset &&
  a.isDst === b.isDst &&
  a.abbreviation === b.abbreviation

/** The zone's stages from TABLE_START to TABLE_END: the listed transitions, then the footer's. */
export const expandStages = (stages: readonly Stage[], footer: string): Stage[] => {
  const out = [...stages]
  const rule = parsePosixTz(footer)
  if (footer && !rule) throw new Error(`unreadable footer ${JSON.stringify(footer)}`)
  const last = out.at(-1)?.at ?? Number.NEGATIVE_INFINITY
  if (rule?.daylight) {
    for (let year = Math.max(1970, yearOf(last)); year <= yearOf(TABLE_END); year++) {
      for (const change of transitionsInYear(rule, year)) {
        if (change.at > last && change.at < TABLE_END) out.push(change)
      }
    }
  } else if (rule && !sameType(out.at(-1), rule.standard)) {
    // RFC 8536: the footer holds from the last transition on.
    out.push({ at: last + 1, ...rule.standard })
  }
  // Keep the stage in force at TABLE_START and every later one, dropping empty stages.
  const from = out.findLastIndex((stage) => stage.at <= TABLE_START)
  const kept = out.slice(Math.max(from, 0))
  return kept.filter((stage, i) => stage.at !== kept[i + 1]?.at)
}

// A save as zic reads it ("1", "0:30", "-1", "2s"), in minutes.
const saveMinutes = (text: string) => {
  const [h = 0, m = 0, s = 0] = text
    .replace(/^-|[sd]$/g, '')
    .split(':')
    .map(Number)
  if (s !== 0) throw new Error(`save ${text} is not whole minutes`)
  return (text.startsWith('-') ? -1 : 1) * (h * 60 + m)
}
const saveName = (minutes: number) => (minutes < 0 ? `SVM${-minutes}` : `SV${minutes}`)

/**
 * The same source with every abbreviation replaced by the DST amount ("save") in force, e.g.
 * "SV60": TZif keeps only a DST flag, so zic is asked to write tzdb's own amounts as names.
 */
export const encodeSaves = (zi: string): string =>
  zi
    .split('\n')
    .map((line) => {
      const fields = line.split(' ')
      const [kind = ''] = fields
      if (kind === 'R') {
        // R NAME FROM TO - IN ON AT SAVE LETTERS
        fields[9] = saveName(saveMinutes(fields[8] ?? '0')).slice(1)
      } else if (kind !== 'L' && !kind.startsWith('#') && line !== '') {
        // [Z NAME] STDOFF RULES FORMAT [UNTIL]: RULES is "-", a fixed save, or a rule's name.
        const at = kind === 'Z' ? 3 : 1
        const rules = fields[at] ?? '-'
        fields[at + 1] =
          rules === '-' ? 'SV0' : /^-?\d/.test(rules) ? saveName(saveMinutes(rules)) : 'S%s'
      }
      return fields.join(' ')
    })
    .join('\n')

const saveOf = (abbreviation: string) => {
  const m = /^SV(M?)(\d+)$/.exec(abbreviation)
  if (!m) throw new Error(`not a save name: ${abbreviation}`)
  return (m[1] ? -60 : 60) * Number(m[2])
}

/** Each instant where either compilation changes, with the type and the save then in force. */
export const joinSaves = (stages: readonly Stage[], saves: readonly Stage[]): SavedStage[] => {
  const instants = [...new Set([...stages, ...saves].map((stage) => stage.at))].sort(
    (a, b) => a - b,
  )
  const inForce = (list: readonly Stage[], at: number) =>
    list[
      Math.max(
        list.findLastIndex((stage) => stage.at <= at),
        0,
      )
    ] as Stage
  return instants.map((at) => ({
    ...inForce(stages, at),
    at,
    save: saveOf(inForce(saves, at).abbreviation),
  }))
}

/**
 * Periods in tzdb's "rearguard" form: clients expect DST to be the positive summer shift, so
 * negative DST (Dublin's winters, Morocco's Ramadan, Namibia's winters until 2017) is reported as
 * standard time, and the standard time between two such winters as DST of the difference.
 */
export const toPeriods = (stages: readonly SavedStage[]): TablePeriod[] => {
  const periods = stages.map((stage, i): TablePeriod => {
    const base = { at: stage.at, offset: stage.offset, abbreviation: stage.abbreviation }
    if (stage.save < 0) return { ...base, dst: 0 }
    const before = stages[i - 1]
    const after = stages[i + 1]
    if (stage.save === 0 && before && before.save < 0 && after?.offset === before.offset) {
      return { ...base, dst: stage.offset - before.offset }
    }
    return { ...base, dst: stage.save }
  })
  return periods.filter(
    (p, i) =>
      i === 0 ||
      p.offset !== periods[i - 1]?.offset ||
      p.dst !== periods[i - 1]?.dst ||
      p.abbreviation !== periods[i - 1]?.abbreviation,
  )
}

// zone1970.tab: country codes, coordinates (ISO 6709, ±DDMM[SS]±DDDMM[SS]), zone, comment.
export const readZone1970 = (text: string): TzdbTable['places'] => {
  const places: TzdbTable['places'] = {}
  const degrees = (sign: string, digits: string, width: number) => {
    const d = Number(digits.slice(0, width))
    const m = Number(digits.slice(width, width + 2))
    const s = Number(digits.slice(width + 2) || 0)
    const value = d + m / 60 + s / 3600
    return Math.round((sign === '-' ? -value : value) * 1e4) / 1e4
  }
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [codes = '', coordinates = '', zone = '', comment = ''] = line.split('\t')
    const m = /^([-+])(\d{4,6})([-+])(\d{5,7})$/.exec(coordinates)
    if (!m) throw new Error(`zone1970.tab: bad coordinates ${coordinates}`)
    const [, latSign = '', lat = '', lonSign = '', lon = ''] = m
    places[zone] ??= [codes, degrees(latSign, lat, 2), degrees(lonSign, lon, 3), comment]
  }
  return places
}

/** The table, from the source and its two compilations (as written, and with saves as names). */
export const generateTable = (
  zi: string,
  /** zone1970.tab, then zone.tab for the zones it leaves out (one per country, e.g. Amsterdam). */
  zone1970: string,
  compiled: string,
  savesCompiled: string,
): TzdbTable => {
  const version = /^# version (\S+)/.exec(zi)?.[1]
  if (!version) throw new Error('tzdata.zi has no "# version" line')
  const zoneNames = [...zi.matchAll(/^Z (\S+)/gm)].map((m) => m[1] as string).sort()
  const links = Object.fromEntries(
    [...zi.matchAll(/^L (\S+) (\S+)/gm)]
      .map((m) => [m[2] as string, m[1] as string])
      .sort(([a = ''], [b = '']) => (a < b ? -1 : 1)),
  )
  const zones: TzdbTable['zones'] = {}
  for (const name of zoneNames) {
    const { stages, footer } = readTzif(readFileSync(join(compiled, name)))
    const saves = readTzif(readFileSync(join(savesCompiled, name)))
    const joined = joinSaves(expandStages(stages, footer), expandStages(saves.stages, saves.footer))
    zones[name] = encodeZone(toPeriods(joined), footer)
  }
  return { version, end: TABLE_END, zones, links, places: readZone1970(zone1970) }
}

/** Compiles tzdb source with zic into `outDir` ("fat": every transition to 2037 listed). */
export const compileZi = (ziFile: string, outDir: string) => {
  const zic = spawnSync('zic', ['-b', 'fat', '-d', outDir, ziFile], { encoding: 'utf8' })
  if (zic.error || zic.status !== 0)
    throw new Error(`zic failed (Debian: libc-bin): ${zic.error?.message ?? zic.stderr}`)
}

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
