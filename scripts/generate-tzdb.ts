// Builds src/time/tzdb-data.json from the machine's compiled tzdb (TZif files and tzdata.zi).
// ICU knows offsets but not tzdb's abbreviations or its notion of standard time, so we keep a
// small table of both: per zone, "eras" in which each UTC offset maps to one abbreviation and
// one DST amount. Lookups key on the offset Temporal reports, so a later ICU release that moves
// a transition date still finds the right name.
//
// Usage: node scripts/generate-tzdb.ts [zoneinfo-dir]   (default /usr/share/zoneinfo)
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Period = { start: number; offset: number; isDst: boolean; abbreviation: string }
type Entry = [offset: number, abbreviation: string, dstSeconds: number]
type Era = [from: number, entries: Entry[]]

const root = process.argv[2] ?? '/usr/share/zoneinfo'
const since = 0 // 1970-01-01: eras before it are folded into the first one

const zi = readFileSync(join(root, 'tzdata.zi'), 'utf8')
const version = /^# version (\S+)/m.exec(zi)?.[1]
if (!version) throw new Error(`no version line in ${root}/tzdata.zi`)
const zoneNames = [...zi.matchAll(/^Z (\S+)/gm)].map((m) => m[1] as string).sort()
const links = Object.fromEntries(
  [...zi.matchAll(/^L (\S+) (\S+)/gm)].map((m) => [m[2] as string, m[1] as string]),
)

const zones: Record<string, Era[]> = {}
for (const name of zoneNames) zones[name] = toEras(readPeriods(join(root, name)))

const out = { version, source: 'tzdb (compiled TZif) via scripts/generate-tzdb.ts', zones, links }
writeFileSync(new URL('../src/time/tzdb-data.json', import.meta.url), `${JSON.stringify(out)}\n`)
console.log(`tzdb ${version}: ${zoneNames.length} zones, ${Object.keys(links).length} links`)

// TZif (RFC 8536): skip the v1 block, read the 64-bit v2+ block and the POSIX TZ footer.
function readPeriods(file: string): Period[] {
  const buf = readFileSync(file)
  if (buf.toString('latin1', 0, 4) !== 'TZif' || buf[4] === 0)
    throw new Error(`${file}: not TZif v2+`)
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + i * 4))
  const [isut1, isstd1, leap1, time1, type1, char1] = counts(0) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const v1Size = time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1
  const head = 44 + v1Size
  const [, , leap, timeCount, typeCount, charCount] = counts(head) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  let at = head + 44
  const times: number[] = []
  for (let i = 0; i < timeCount; i++) times.push(Number(buf.readBigInt64BE(at + i * 8)))
  at += timeCount * 8
  const typeIndexes = [...buf.subarray(at, at + timeCount)]
  at += timeCount
  const types: Array<Omit<Period, 'start'>> = []
  const charsAt = at + typeCount * 6
  for (let i = 0; i < typeCount; i++) {
    const p = at + i * 6
    const nameAt = charsAt + (buf[p + 5] as number)
    types.push({
      offset: buf.readInt32BE(p),
      isDst: buf[p + 4] === 1,
      abbreviation: buf.toString('latin1', nameAt, buf.indexOf(0, nameAt)),
    })
  }
  at = charsAt + charCount + leap * 12
  const footer = buf.toString('latin1', at).split('\n')[1] ?? ''

  const periods: Period[] = []
  // The type in force before the first transition is type 0 (RFC 8536, section 3.2).
  const first = types[0]
  if (first) periods.push({ start: Number.MIN_SAFE_INTEGER, ...first })
  times.forEach((start, i) => {
    const type = types[typeIndexes[i] as number]
    if (type) periods.push({ start, ...type })
  })
  const lastStart = (periods.at(-1)?.start ?? 0) + 1
  for (const rule of parseFooter(footer)) periods.push({ start: lastStart, ...rule })
  return periods
}

// POSIX TZ string, e.g. "EST5EDT,M3.2.0,M11.1.0" or "<+03>-3": we need only names and offsets.
function parseFooter(tz: string): Array<Omit<Period, 'start'>> {
  const m = /^(<[^>]+>|[A-Za-z]+)([-+]?[\d:]+)(?:(<[^>]+>|[A-Za-z]+)([-+]?[\d:]+)?)?/.exec(tz)
  if (!m) return []
  const name = (s: string) => s.replace(/^<|>$/g, '')
  const seconds = (s: string) => {
    const [h = 0, min = 0, sec = 0] = s.replace(/^[-+]/, '').split(':').map(Number)
    return (s.startsWith('-') ? 1 : -1) * (h * 3600 + min * 60 + sec) // POSIX signs are inverted
  }
  const std = { offset: seconds(m[2] as string), isDst: false, abbreviation: name(m[1] as string) }
  if (!m[3]) return [std]
  const dstOffset = m[4] ? seconds(m[4]) : std.offset + 3600
  return [std, { offset: dstOffset, isDst: true, abbreviation: name(m[3]) }]
}

function toEras(periods: Period[]): Era[] {
  // DST amount of a DST period: its offset minus the nearest standard period's (earlier on a tie),
  // skipping neighbours with the same offset, as when a zone moved onto summer time for good.
  const dstSeconds = (i: number) => {
    const p = periods[i] as Period
    if (!p.isDst) return 0
    for (let d = 1; d < periods.length; d++) {
      for (const q of [periods[i - d], periods[i + d]]) {
        if (q && !q.isDst && q.offset !== p.offset) return p.offset - q.offset
      }
    }
    return 3600
  }
  const entries = periods.map((p, i): Entry => [p.offset, p.abbreviation, dstSeconds(i)])
  // tzdb models Dublin's winters and Morocco's Ramadan as negative DST; clients expect DST to be
  // the positive shift, so report them as standard time and the time between as DST (tzdb's
  // "rearguard" form). A period after such a winter becomes DST only if the zone goes back to the
  // winter's offset afterwards: Namibia's CAT after its last negative winter in 2017 stays standard.
  const negative = entries.map((e) => e[2] < 0)
  const fixed = entries.map(([offset, abbreviation, dst], i): Entry => {
    if (negative[i]) return [offset, abbreviation, 0]
    const before = entries[i - 1]
    const after = entries[i + 1]
    if (dst === 0 && before && negative[i - 1] && after && after[0] === before[0]) {
      return [offset, abbreviation, offset - before[0]]
    }
    return [offset, abbreviation, dst]
  })

  const eras: Array<{ from: number; byOffset: Map<number, Entry> }> = []
  fixed.forEach((entry, i) => {
    if ((periods[i + 1]?.start ?? Number.POSITIVE_INFINITY) <= since) return
    const era = eras.at(-1)
    const known = era?.byOffset.get(entry[0])
    if (era && (!known || (known[1] === entry[1] && known[2] === entry[2]))) {
      era.byOffset.set(entry[0], entry)
      return
    }
    const start = (periods[i] as Period).start
    eras.push({ from: Math.max(start, since), byOffset: new Map([[entry[0], entry]]) })
  })
  return eras.map((era): Era => [era.from, [...era.byOffset.values()].sort((a, b) => a[0] - b[0])])
}
