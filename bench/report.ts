// The report: how the run was made, then each phase's tables and the targets, as one Markdown text.
import type { Figures } from './figures.ts'
import { type Bench, PIPELINING } from './options.ts'
import { PACE_MS } from './phases/half-rate.ts'
import { targetRows } from './targets.ts'

const method = ({ options, machine }: Bench) => {
  const { connections, warmupSeconds, seconds, rounds, logLevel } = options
  const tools = machine.wrk
    ? 'autocannon (in the bench process) and then wrk (1 thread) on loopback'
    : 'autocannon on loopback (wrk was not installed)'
  return [
    `Machine: ${machine.description}.`,
    '',
    `Load: ${tools}, ${connections} connections, no pipelining; per route and server an autocannon warm-up of ${warmupSeconds} s, then ${seconds} s of each, in ${rounds} rounds over all the routes, each server's fastest run of a route shown; service at \`LOG_LEVEL=${logLevel}\` with its logs written to /dev/null.`,
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
    "Maximum rate, each route measured on the floor and then on the service; ratio is the service against the same tool's floor:",
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
    'Targets:',
    '',
    ...targetRows(bench, figures),
  ].join('\n')
