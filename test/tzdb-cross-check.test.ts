import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { createTimeDescriber } from '../src/time/time-info.ts'
import { createZoneRegistry } from '../src/time/zones.ts'

// The reference: Python's zoneinfo reading the system's compiled tzdb, an implementation that
// shares no code with ICU (offsets) or with our generator (abbreviations, standard time).
const REFERENCE = `
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, available_timezones
zones, instants = json.load(sys.stdin)
known = available_timezones()
out = {}
for zone in zones:
    if zone not in known:
        continue
    rows = []
    for t in instants:
        local = datetime.fromtimestamp(t, timezone.utc).astimezone(ZoneInfo(zone))
        rows.append([int(local.utcoffset().total_seconds()), int(local.dst().total_seconds()), local.tzname()])
    out[zone] = rows
json.dump(out, sys.stdout)
`

// Zones whose rules differ between our tzdb release (2026f, like the runtime's 2026e) and the
// reference's (Debian 12's 2025b), by name: Morocco stays on +00 from 2026-09-20; British
// Columbia, Alberta (with Inuvik) and Manitoba stay on their summer offsets from 2026-11-01.
const RELEASE_DIFFERENCES = new Set([
  'Africa/Casablanca',
  'Africa/El_Aaiun',
  'America/Edmonton',
  'America/Inuvik',
  'America/Vancouver',
  'America/Winnipeg',
])

// tzdb models these with negative DST, which we report the other way round (see docs/time.md).
const NEGATIVE_DST = new Set(['Europe/Dublin', 'Africa/Casablanca', 'Africa/El_Aaiun'])

// zoneinfo guesses DST amounts from neighbouring periods; for Inuvik, which moved from Pacific to
// Mountain time in 1979, it guesses 2 h. tzdb's rule says 1 h, as we report.
const REFERENCE_DST_AMOUNT_QUIRKS = new Set(['America/Inuvik'])

const INSTANTS = ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z', '2026-11-27T12:00:00Z'].map(
  (iso) => Temporal.Instant.from(iso),
)

const runReference = (zones: readonly string[]) => {
  const python = spawnSync('python3', ['-c', REFERENCE], {
    input: JSON.stringify([zones, INSTANTS.map((i) => i.epochMilliseconds / 1000)]),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  return python
}

test('every listed zone agrees with Python zoneinfo on offset, DST and abbreviation', (t) => {
  const { names } = createZoneRegistry()
  const python = runReference(names)
  if (python.error || python.status !== 0) {
    const why = `python3 with zoneinfo is needed for the tzdb cross-check: ${python.error?.message ?? python.stderr}`
    if (process.env.CI === 'true') assert.fail(why)
    return t.skip(why)
  }
  const reference: Record<string, Array<[number, number, string]>> = JSON.parse(python.stdout)
  const describeTime = createTimeDescriber()
  const problems: string[] = []
  let checked = 0
  for (const zone of names) {
    const rows = reference[zone]
    if (!rows) {
      if (!RELEASE_DIFFERENCES.has(zone)) problems.push(`${zone}: unknown to the reference`)
      continue
    }
    rows.forEach(([offset, dst, abbreviation], i) => {
      const info = describeTime(INSTANTS[i] as Temporal.Instant, zone)
      const ours = info.raw_offset + info.dst_offset
      const sameDst = NEGATIVE_DST.has(zone)
        ? info.dst_offset >= 0 && info.dst === info.dst_offset > 0
        : info.dst === (dst !== 0) &&
          (info.dst_offset === dst || REFERENCE_DST_AMOUNT_QUIRKS.has(zone))
      if (ours !== offset || !sameDst || info.abbreviation !== abbreviation) {
        if (RELEASE_DIFFERENCES.has(zone)) return
        problems.push(
          `${zone} at ${INSTANTS[i]}: ours ${ours}/${info.dst_offset}/${info.abbreviation}, reference ${offset}/${dst}/${abbreviation}`,
        )
      }
    })
    checked++
  }
  t.diagnostic(`${checked} zones checked at ${INSTANTS.length} instants each`)
  assert.deepEqual(problems, [])
  assert.ok(checked > 400, `only ${checked} zones checked`)
})
