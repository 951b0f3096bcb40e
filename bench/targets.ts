// The targets the bench judges (issue 24's; the memory ones issue 14's), each with its figure, the
// minimal floor's where one applies, context, met or missed, and the last written run's figure.
import { type Before, readBefore } from './before.ts'
import type { Figures } from './figures.ts'
import { fixed, mb, percent, row } from './markdown.ts'
import { figuresOf } from './measured.ts'
import type { Bench } from './options.ts'
import { tableSizes } from './phases/memory.ts'
import { wireSizeOf } from './phases/wire.ts'
import { API_ROUTE } from './routes.ts'
import { kindOf, MINIMAL, REPLAY, SERVICE } from './server-kinds.ts'

/** The service's req/s as a share of the minimal floor's, under wrk, that each route must reach. */
const RATIO_TARGETS = new Map([
  [API_ROUTE, 0.6],
  ['/healthz', 0.75],
  ['/', 0.5],
  ['/city/Kazan', 0.5],
])
/** The JSON API's answer on the wire, headers included, in bytes. */
const API_BYTES = 600
const P99_TARGET_MS = 2
/** The service's cold start against bare node's (the minimal floor's). */
const COLD_START_FACTOR = 1.5
/** Idle anonymous memory over the minimal floor's, and peak RSS, in kB, each plus the tables held. */
const IDLE_OVER_FLOOR_KB = 8 * 1024
const PEAK_RSS_KB = 160 * 1024

/** A row of the table; its name is its key in the next run's "before" column, so it never varies. */
type Target = { name: string; now: string; floor: string; context: string; verdict: string }

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
const notJudged = (name: string, why: string): Target => ({
  name,
  now: `not measured (${why})`,
  floor: '',
  context: '',
  verdict: 'not judged',
})

const ratioTargets = ({ options, machine }: Bench, { maxRate }: Figures): Target[] =>
  [...RATIO_TARGETS].map(([path, target]) => {
    const name = `\`${path}\` req/s ≥ ${fixed(target * 100)} % of the minimal floor's (wrk)`
    if (!options.routes.includes(path)) return notJudged(name, 'not in BENCH_ROUTES')
    if (!machine.wrk) return notJudged(name, 'no wrk')
    const rps = (server: string) => figuresOf(maxRate.results, path, 'wrk', server).rps
    const minimal = rps(MINIMAL)
    const others = options.kinds.filter(({ name }) => name !== MINIMAL && name !== SERVICE)
    const context = [
      `${percent(rps(SERVICE) / rps(REPLAY))} of the replay floor`,
      ...others.map(({ name, label }) => `${label} ${percent(rps(name) / minimal)}`),
    ].join('; ')
    const ratio = rps(SERVICE) / minimal
    const floor = `${fixed(minimal)} req/s`
    return { name, now: percent(ratio), floor, context, verdict: verdict(ratio >= target) }
  })

const bytesTarget = ({ wire }: Figures): Target => {
  const size = wireSizeOf(wire, SERVICE, API_ROUTE)
  return {
    name: `API answer on the wire ≤ ${API_BYTES} B (\`${API_ROUTE}\`, headers included)`,
    now: `${size.total} B`,
    floor: `${wireSizeOf(wire, MINIMAL, API_ROUTE).total} B`,
    context: `${size.head} B status line and ${size.headers} headers, ${size.body} B body`,
    verdict: verdict(size.total <= API_BYTES),
  }
}

const p99Target = ({ halfRate }: Figures): Target => {
  const { path, p99, floorP99 } = halfRate.worst
  return {
    name: `p99 < ${P99_TARGET_MS} ms at half the maximum rate (worst route)`,
    now: `${fixed(p99, 2)} ms`,
    floor: '',
    context:
      floorP99 === undefined
        ? `\`${path}\`, autocannon's bursts (no wrk)`
        : `\`${path}\`; the replay floor at the same load ${fixed(floorP99, 2)} ms`,
    verdict: verdict(p99 < P99_TARGET_MS),
  }
}

const coldTarget = ({ options }: Bench, { cold }: Figures): Target => {
  const minimal = cold.get(MINIMAL) ?? Number.NaN
  const times = (ms: number) => `${fixed(ms, 1)} ms (${fixed(ms / minimal, 2)} ×)`
  const service = cold.get(SERVICE) ?? Number.NaN
  const others = [...cold].filter(([name]) => name !== MINIMAL && name !== SERVICE)
  return {
    name: `cold start, spawn to first 200 of \`/\`: the bundle ≤ ${COLD_START_FACTOR} × bare node (the minimal floor)`,
    now: times(service),
    floor: `${fixed(minimal, 1)} ms`,
    context: [
      `median of ${options.coldRuns}`,
      ...others.map(([name, ms]) => `${kindOf(name).label} ${times(ms)}`),
    ].join('; '),
    verdict: verdict(service <= COLD_START_FACTOR * minimal),
  }
}

const memoryTargets = ({ idle, peak }: Figures): Target[] => {
  const tables = tableSizes()
  // KiB, as /proc reports; every table is loaded by the routes asked before the idle figure.
  const held = (tables.tzdb + tables.ipZones + tables.places) / 1024
  const context = `tables ${mb(held)}: tzdb ${mb(tables.tzdb / 1024)}, IP ${mb(tables.ipZones / 1024)}, places ${mb(tables.places / 1024)}`
  return [
    {
      name: `idle anonymous RSS ≤ the minimal floor's + ${IDLE_OVER_FLOOR_KB / 1024} MB + tables (issue 14)`,
      now: `${mb(idle.anon)} (total ${mb(idle.rss)})`,
      floor: `${mb(idle.floorAnon)} (total ${mb(idle.floor)})`,
      context,
      verdict: verdict(idle.anon <= idle.floorAnon + IDLE_OVER_FLOOR_KB + held),
    },
    {
      name: `peak RSS in the heaviest run ≤ ${PEAK_RSS_KB / 1024} MB + tables (issue 14)`,
      now: `${mb(peak.rss)} (anonymous ${mb(peak.anon)})`,
      floor: '',
      context,
      verdict: verdict(peak.rss <= PEAK_RSS_KB + held),
    },
  ]
}

const rowOf = (before: Before) => (target: Target) =>
  row([
    target.name,
    before.figures.get(target.name) ?? '—',
    target.now,
    target.floor,
    target.context,
    target.verdict,
  ])

/** The targets' table, in Markdown, with the last written run's figures as "before". */
export const targetRows = (bench: Bench, figures: Figures) => {
  const before = readBefore(bench.options.before)
  return [
    row(['target', `before (${before.source})`, 'now', 'minimal floor', 'context', '']),
    row(['---', '---:', '---:', '---:', '---', '---']),
    ...[
      ...ratioTargets(bench, figures),
      bytesTarget(figures),
      coldTarget(bench, figures),
      p99Target(figures),
      ...memoryTargets(figures),
    ].map(rowOf(before)),
  ]
}
