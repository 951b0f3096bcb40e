// The targets the bench judges, each with its figure, the floor's where one applies, met or missed.
import type { Figures } from './figures.ts'
import { fixed, mb, percent, row } from './markdown.ts'
import { figuresOf } from './measured.ts'
import type { Bench } from './options.ts'
import { tableSizes } from './phases/memory.ts'
import { FLOOR, kindOf, SERVICE } from './server-kinds.ts'

/** The service's req/s as a share of the floor's, under wrk, that each route must reach. */
const RATIO_TARGETS = new Map([
  ['/api/timezone/Europe/Moscow', 0.75],
  ['/api/timezone/Europe/Moscow.txt', 0.75],
  ['/healthz', 0.9],
  ['/readyz', 0.9],
  ['/', 0.7],
])
const P99_TARGET_MS = 2
/** The service's cold start against the floor's. */
const COLD_START_FACTOR = 1.5
/** Idle anonymous memory over the floor's, and peak RSS, in kB, each plus the tables held. */
const IDLE_OVER_FLOOR_KB = 8 * 1024
const PEAK_RSS_KB = 160 * 1024

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

const ratioRows = ({ options, machine }: Bench, { maxRate }: Figures) =>
  [...RATIO_TARGETS]
    .filter(([path]) => options.routes.includes(path))
    .map(([path, target]) => {
      const name = `\`${path}\` ≥ ${fixed(target * 100)} % of the floor req/s, wrk`
      if (!machine.wrk) return row([name, 'not measured (no wrk)', '', 'not judged'])
      const floor = figuresOf(maxRate.results, path, 'wrk', FLOOR).rps
      const ratio = figuresOf(maxRate.results, path, 'wrk', SERVICE).rps / floor
      return row([name, percent(ratio), `${fixed(floor)} req/s`, verdict(ratio >= target)])
    })

const coldRows = ({ options }: Bench, { cold }: Figures) => {
  const floor = cold.get(FLOOR) ?? Number.NaN
  const service = cold.get(SERVICE) ?? Number.NaN
  const compared = [...cold].filter(([name]) => name !== FLOOR && name !== SERVICE)
  return [
    row([
      `cold start, spawn to first 200 of \`/\`, median of ${options.coldRuns}: ≤ ${COLD_START_FACTOR} × the floor's`,
      `${fixed(service, 1)} ms (${fixed(service / floor, 2)} ×)`,
      `${fixed(floor, 1)} ms`,
      verdict(service <= COLD_START_FACTOR * floor),
    ]),
    ...compared.map(([name, ms]) =>
      row([
        `for comparison: ${kindOf(name).label}, one route, the same way`,
        `${fixed(ms, 1)} ms (${fixed(ms / floor, 2)} ×)`,
        `${fixed(floor, 1)} ms`,
        '',
      ]),
    ),
  ]
}

const memoryRows = ({ idle, peak }: Figures) => {
  const tables = tableSizes()
  // KiB, as /proc reports: the tzdb table only, since the bench loads no IP table.
  const held = tables.tzdb / 1024
  const tablesSaid = `tzdb table ${mb(held)}; the IP table (${mb(tables.ipZones / 1024)}) is loaded by the first /api/ip only`
  return [
    row([
      `idle anonymous RSS ≤ the floor's + ${IDLE_OVER_FLOOR_KB / 1024} MB + tables (${tablesSaid})`,
      `${mb(idle.anon)} (total ${mb(idle.rss)})`,
      `${mb(idle.floorAnon)} (total ${mb(idle.floor)})`,
      verdict(idle.anon <= idle.floorAnon + IDLE_OVER_FLOOR_KB + held),
    ]),
    row([
      `peak RSS in the heaviest run ≤ ${PEAK_RSS_KB / 1024} MB + tables`,
      `${mb(peak.rss)} (anonymous ${mb(peak.anon)})`,
      '',
      verdict(peak.rss <= PEAK_RSS_KB + held),
    ]),
  ]
}

/** The targets' table, in Markdown. */
export const targetRows = (bench: Bench, figures: Figures) => [
  row(['target', 'measured', 'floor', '']),
  row(['---', '---:', '---:', '---']),
  ...ratioRows(bench, figures),
  row([
    `p99 < ${P99_TARGET_MS} ms at half the maximum rate (worst route)`,
    `${fixed(figures.halfRate.worstP99, 2)} ms`,
    '',
    verdict(figures.halfRate.worstP99 < P99_TARGET_MS),
  ]),
  ...coldRows(bench, figures),
  ...memoryRows(figures),
]
