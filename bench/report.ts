// The report: how the run was made, then each phase's tables and the targets, as one Markdown text.
import { TARGETS_TITLE } from './before.ts'
import type { Figures } from './figures.ts'
import { type Bench, PIPELINING } from './options.ts'
import { PACE_MS } from './phases/half-rate.ts'
import { FIXED_PATH, type ServerKind } from './server-kinds.ts'
import { targetRows } from './targets.ts'

/** The servers measured once a round, not per route, as the method line says. */
const onceNote = (kinds: ServerKind[]) => {
  const labels = kinds.filter(({ oncePerRound }) => oncePerRound).map(({ label }) => label)
  return labels.length ? ` (${labels.join(', ')}: once a round, on \`${FIXED_PATH}\`)` : ''
}

const method = ({ options, machine }: Bench) => {
  const { connections, warmupSeconds, seconds, rounds, logLevel, kinds } = options
  const tools = machine.wrk
    ? 'autocannon (in the bench process) and then wrk (1 thread) on loopback'
    : 'autocannon on loopback (wrk was not installed)'
  return [
    `Machine: ${machine.description}.`,
    '',
    `Servers, each on one core: ${kinds.map(({ label, about }) => `${label} (${about})`).join('; ')}.`,
    '',
    `Load: ${tools}, ${connections} connections, no pipelining; per route and server an autocannon warm-up of ${warmupSeconds} s, then ${seconds} s of each, in ${rounds} round${rounds === 1 ? '' : 's'} over all the routes, each server's fastest run of a route shown${onceNote(kinds)}; service at \`LOG_LEVEL=${logLevel}\` with its logs written to /dev/null.`,
  ]
}

const pipelinedLines = ({ pipelined }: Figures) =>
  pipelined
    ? [
        '',
        `autocannon at pipelining ${PIPELINING} (\`--pipelined\`):`,
        '',
        ...pipelined.lines,
        '',
        ...pipelined.detail,
      ]
    : []

export const report = (bench: Bench, figures: Figures) =>
  [
    ...method(bench),
    '',
    'Answers on the wire (status line, headers and body, as a client receives them; one GET as wrk sends it):',
    '',
    ...figures.wire.lines,
    '',
    "Maximum rate: each server's req/s, in brackets its share of the minimal floor's by the same tool (a ratio across tools means nothing):",
    '',
    ...figures.maxRate.lines,
    '',
    'Who was the limit, and latency at the maximum rate:',
    '',
    ...figures.maxRate.detail,
    ...pipelinedLines(figures),
    '',
    figures.halfRate.paced
      ? `The service at half its maximum rate (wrk, no pipelining, each connection pausing ${PACE_MS} ms after each answer):`
      : `The service at half its maximum rate (autocannon \`overallRate\`, no pipelining, each second's share in a burst):`,
    '',
    ...figures.halfRate.lines,
    '',
    'The place index beside the IP table, each loaded in fresh processes (bench/places-search.ts):',
    '',
    ...figures.tables.lines,
    '',
    TARGETS_TITLE,
    '',
    ...targetRows(bench, figures),
  ].join('\n')
