// The servers compared, started: the service as built, its answers captured, and each reference
// (bundled from bench/ as the service is, so no server pays for type stripping at start), replaying
// them or answering the minimal floor's 30 bytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { bundleOptions } from '../scripts/bundle-options.ts'
import { freePort } from '../scripts/free-port.ts'
import { serverCpus } from './machine.ts'
import type { Bench } from './options.ts'
import type { CapturedResponse } from './replay-floor.ts'
import { ROUTES } from './routes.ts'
import { SERVICE } from './server-kinds.ts'
import {
  fetchOnce,
  HOST,
  type Launch,
  ROOT,
  type Server,
  type ServerSpec,
  startServer,
} from './servers.ts'

// node:http writes these itself on every response; replaying them would double them.
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/** The service as shipped, its metrics listener on a free port (another instance may hold 9464). */
const launchService =
  (logLevel: string) =>
  async (port: number): Promise<Launch> => ({
    args: ['dist/server.mjs'],
    env: {
      ...process.env,
      PORT: String(port),
      METRICS_PORT: String(await freePort(HOST)),
      HOST,
      LOG_LEVEL: logLevel,
      SHUTDOWN_DELAY_MS: '0',
    },
  })

/** A bench/ file bundled into `dir`, started with the captured answers, its port and host. */
const launchBundled = (entry: string, dir: string, capturedFile: string) => {
  const outfile = join(dir, `${entry}.mjs`)
  buildSync({ ...bundleOptions, entryPoints: [join(ROOT, 'bench', `${entry}.ts`)], outfile })
  return (port: number): Launch => ({
    args: [outfile, capturedFile, String(port), HOST],
    env: process.env,
  })
}

/** The real answer of each route, once, for the references to replay byte for byte. */
const captureRoutes = async (service: Server) => {
  const captured: CapturedResponse[] = []
  // Every route, measured or not: the references' readiness and the cold starts ask for /.
  for (const path of ROUTES) {
    const answer = await fetchOnce(service.port, path)
    if (answer.status !== 200) throw new Error(`service: ${path} answered ${answer.status}`)
    const headers: [string, string][] = []
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      const name = answer.rawHeaders[i] ?? ''
      if (!NODE_HEADERS.has(name.toLowerCase()))
        headers.push([name, answer.rawHeaders[i + 1] ?? ''])
    }
    captured.push({ path, status: 200, headers, body: answer.body.toString('base64') })
  }
  return captured
}

const checkReplay = async (server: Server, captured: CapturedResponse[]) => {
  for (const { path, body } of captured) {
    const replayed = await fetchOnce(server.port, path)
    if (replayed.body.length !== Buffer.from(body, 'base64').length)
      throw new Error(`${server.name}: ${path} differs in size from the service's answer`)
  }
}

/**
 * Every server of the run, in the tables' order; `start` starts another of a kind (the cold
 * starts), on the servers' CPU unless told; `remove` deletes the bundles.
 */
export const startServers = async ({ options, machine }: Bench) => {
  const dir = mkdtempSync(join(tmpdir(), 'moscow-bench-'))
  const capturedFile = join(dir, 'captured.json')
  const launchers = new Map<string, ServerSpec['launch']>([
    [SERVICE, launchService(options.logLevel)],
  ])
  const start = (name: string, cpuList = serverCpus(machine)) => {
    const launch = launchers.get(name)
    if (!launch) throw new Error(`${name} cannot be started`)
    return startServer({ name, launch, cpuList })
  }
  const service = await start(SERVICE)
  const captured = await captureRoutes(service)
  writeFileSync(capturedFile, JSON.stringify(captured))
  const servers: Server[] = []
  for (const { name, entry, replays } of options.kinds) {
    if (!entry) {
      servers.push(service)
      continue
    }
    launchers.set(name, launchBundled(entry, dir, capturedFile))
    const server = await start(name)
    if (replays) await checkReplay(server, captured)
    servers.push(server)
  }
  return {
    servers,
    start,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export type Start = Awaited<ReturnType<typeof startServers>>['start']
