// The maximum rate's tables: req/s and CPU per request against the floor, then who was the limit.
import { fixed, percent, row } from '../markdown.ts'
import { figuresOf, type Results, type Tool } from '../measured.ts'
import { FLOOR, kindOf } from '../server-kinds.ts'
import type { Server } from '../servers.ts'

/** A run where neither the server nor the load generator was this busy was starved of CPU. */
const STARVED = 0.9

const shortNames = (servers: Server[]) => servers.map(({ name }) => kindOf(name).short).join(' / ')
const label = (server: Server) => kindOf(server.name).label
const others = (servers: Server[]) => servers.filter(({ name }) => name !== FLOOR)

export const rateHeader = (servers: Server[], tools: Tool[]) => [
  'route',
  ...tools.flatMap((tool) => [
    `${tool.name}: floor req/s`,
    ...others(servers).flatMap((server) => [`${label(server)} req/s`, 'ratio']),
    `CPU µs/req ${shortNames(servers)}`,
  ]),
]

export const rateRow = (results: Results, path: string, servers: Server[], tools: Tool[]) => [
  `\`${path}\``,
  ...tools.flatMap((tool) => {
    const floor = figuresOf(results, path, tool.name, FLOOR)
    const figures = servers.map((server) => figuresOf(results, path, tool.name, server.name))
    return [
      fixed(floor.rps),
      ...others(servers).flatMap((server) => {
        const { rps } = figuresOf(results, path, tool.name, server.name)
        return [fixed(rps), percent(rps / floor.rps)]
      }),
      figures.map(({ cpuUs }) => fixed(cpuUs, 1)).join(' / '),
    ]
  }),
]

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
export const warnStarved = (results: Results, runs: number) => {
  const starved = [...results.values()]
    .flatMap((byTool) => [...byTool.values()].flatMap((byServer) => [...byServer.values()]))
    .filter(({ cpuShare, clientShare }) => cpuShare < STARVED && clientShare < STARVED).length
  if (starved)
    console.warn(
      `bench: in ${starved} of ${runs} runs neither the server's core nor the load generator's was ${percent(STARVED)} busy: other jobs had the CPU; those req/s are noise, CPU µs/req less so`,
    )
}
