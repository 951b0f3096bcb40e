// Phase: each answer's size on the wire, the service's per route beside the fixed answers', and a
// check that each replaying server sends the service's bytes (so their req/s compare like with like).
import { liveTable } from '../markdown.ts'
import { ROUTES } from '../routes.ts'
import { FIXED_PATH, kindOf, SERVICE } from '../server-kinds.ts'
import type { Server } from '../servers.ts'
import { measureWireSize, type WireSize } from '../wire-bytes.ts'

/** The sizes measured, by server and path, and their table. */
export type Wire = { lines: string[]; sizes: Map<string, Map<string, WireSize>> }

/** Every route, measured or not: a size costs one request. */
const pathsOf = (server: Server) => (kindOf(server.name).fixed ? [FIXED_PATH] : ROUTES)

export const wireSizeOf = (wire: Wire, server: string, path: string) => {
  const size = wire.sizes.get(server)?.get(kindOf(server).fixed ? FIXED_PATH : path)
  if (!size) throw new Error(`no size on the wire for ${server} ${path}`)
  return size
}

/** Where a replaying server's answers differ in size from the service's; none is the rule. */
const replayNotes = (wire: Wire, servers: Server[]) =>
  servers
    .filter(({ name }) => kindOf(name).replays)
    .map(({ name }) => {
      const differ = ROUTES.filter(
        (path) => wireSizeOf(wire, name, path).total !== wireSizeOf(wire, SERVICE, path).total,
      ).map((path) => `\`${path}\` ${wireSizeOf(wire, name, path).total} B`)
      const { label } = kindOf(name)
      return differ.length
        ? `${label}: differs from the service on ${differ.join(', ')}.`
        : `${label}: the service's size on every route.`
    })

export const measureWire = async (servers: Server[]): Promise<Wire> => {
  const wire: Wire = { lines: [], sizes: new Map() }
  for (const server of servers) {
    const byPath = new Map<string, WireSize>()
    for (const path of pathsOf(server)) byPath.set(path, await measureWireSize(server.port, path))
    wire.sizes.set(server.name, byPath)
  }
  const table = liveTable([
    'answer',
    'status line and headers B',
    'header lines',
    'body B',
    'on the wire B',
  ])
  const add = (name: string, size: WireSize) =>
    table.add([name, size.head, size.headers, size.body, size.total])
  for (const path of ROUTES) add(`\`${path}\``, wireSizeOf(wire, SERVICE, path))
  for (const { name } of servers.filter((server) => kindOf(server.name).fixed))
    add(`${kindOf(name).label} (any path)`, wireSizeOf(wire, name, FIXED_PATH))
  const notes = replayNotes(wire, servers)
  console.log(`\n${notes.join('\n')}`)
  wire.lines = [...table.lines, '', ...notes]
  return wire
}
