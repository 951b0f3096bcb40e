// The maximum rate's tables: req/s and CPU per request against the minimal floor, then who was the
// limit.
import { fixed, percent, row } from '../markdown.ts'
import { figuresOf, type Results, type Tool } from '../measured.ts'
import { kindOf, MINIMAL, REPLAY } from '../server-kinds.ts'
import type { Server } from '../servers.ts'

/** A run where neither the server nor the load generator was this busy was starved of CPU. */
const STARVED = 0.9

const shortNames = (servers: Server[]) => servers.map(({ name }) => kindOf(name).short).join(' / ')
const label = (server: Server) => kindOf(server.name).label
const others = (servers: Server[]) => servers.filter(({ name }) => name !== MINIMAL)
/** The servers that send the service's bytes, beside the replay floor that sends them fastest. */
const replayed = (servers: Server[]) =>
  servers.filter(({ name }) => name !== REPLAY && !kindOf(name).fixed)

const rateHeader = (servers: Server[]) => [
  'route',
  `${kindOf(MINIMAL).label} req/s`,
  ...others(servers).map((server) => `${label(server)} req/s (of minimal)`),
  `of the replay floor: ${shortNames(replayed(servers))}`,
  `CPU µs/req ${shortNames(servers)}`,
]

const rateRow = (results: Results, path: string, servers: Server[], tool: Tool) => {
  const rps = (name: string) => figuresOf(results, path, tool.name, name).rps
  const minimal = rps(MINIMAL)
  return [
    `\`${path}\``,
    fixed(minimal),
    ...others(servers).map(({ name }) => `${fixed(rps(name))} (${percent(rps(name) / minimal)})`),
    replayed(servers)
      .map(({ name }) => percent(rps(name) / rps(REPLAY)))
      .join(' / '),
    servers
      .map(({ name }) => fixed(figuresOf(results, path, tool.name, name).cpuUs, 1))
      .join(' / '),
  ]
}

/** One req/s table per load generator, a route a row; the ratios are to that tool's floors. */
export const rateTables = (results: Results, routes: string[], servers: Server[], tools: Tool[]) =>
  tools.flatMap((tool, index) => {
    const header = rateHeader(servers)
    return [
      ...(index ? [''] : []),
      `${tool.name}:`,
      '',
      row(header),
      row(header.map((_, i) => (i ? '---:' : '---'))),
      ...routes.map((path) => row(rateRow(results, path, servers, tool))),
    ]
  })

/** Who was the limit (a server's core full, or its load generator's), and latency at full speed. */
export const limitTable = (
  results: Results,
  routes: string[],
  servers: Server[],
  tools: Tool[],
) => {
  const names = shortNames(servers)
  const lines = [
    row([
      'route',
      'load generator',
      `server CPU busy ${names}`,
      `load generator CPU busy, ${names} runs`,
      ...servers.map((server) => `p50 / p99 ms ${label(server)}`),
    ]),
    row(['---', '---', '---:', '---:', ...servers.map(() => '---:')]),
  ]
  for (const path of routes)
    for (const tool of tools) {
      const figures = servers.map((server) => figuresOf(results, path, tool.name, server.name))
      lines.push(
        row([
          `\`${path}\``,
          tool.name,
          figures.map(({ cpuShare }) => percent(cpuShare)).join(' / '),
          figures.map(({ clientShare }) => percent(clientShare)).join(' / '),
          ...figures.map(({ p50, p99 }) => `${fixed(p50, 2)} / ${fixed(p99, 2)}`),
        ]),
      )
    }
  return lines
}

/** Neither core full: something else on the machine had the CPU, and the req/s are its noise. */
export const warnStarved = (results: Results) => {
  // A fixed-answer server's runs stand on every route: each counted once.
  const runs = new Set(
    [...results.values()].flatMap((byTool) =>
      [...byTool.values()].flatMap((byServer) => [...byServer.values()]),
    ),
  )
  const starved = [...runs].filter(
    ({ cpuShare, clientShare }) => cpuShare < STARVED && clientShare < STARVED,
  ).length
  if (starved)
    console.warn(
      `bench: in ${starved} of ${runs.size} runs neither the server's core nor the load generator's was ${percent(STARVED)} busy: other jobs had the CPU; those req/s are noise, CPU µs/req less so`,
    )
}
