// Load and drain: two instances of the production bundle behind Debian's nginx on loopback.
// 1. a rolling restart under steady load (SIGTERM each instance in turn, a new one on its port):
//    every request must succeed; 2. a soak at half of the measured capacity, 4 minutes by default:
//    no errors, and RSS growth after warm-up (minute 2 against the last minute, bench/rss-growth.ts)
//    under 10 %. Run with `npm run test:load`; figures go to docs/reliability.md. The soak's length:
//    --soak-seconds, else BENCH_SOAK_SECONDS, else 240; under 240 s growth is shown but not judged.
// The parts are in bench/drain/; the instances start and stop through bench/servers.ts, as the bench's.
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { freePort } from '../scripts/free-port.ts'
import { startInstance, stopInstance } from './drain/instances.ts'
import { startNginx } from './drain/nginx.ts'
import { type Drain, rollingRestart } from './drain/rolling-restart.ts'
import { soak } from './drain/soak.ts'
import { GROWTH_LIMIT, JUDGED_SOAK_SECONDS } from './rss-growth.ts'
import { HOST, killStarted, ROOT } from './servers.ts'

const { values: args } = parseArgs({
  options: {
    'restart-connections': { type: 'string', default: '32' },
    'shutdown-delay-ms': { type: 'string', default: '2000' },
    'capacity-seconds': { type: 'string', default: '5' },
    'soak-seconds': {
      type: 'string',
      default: process.env.BENCH_SOAK_SECONDS ?? String(JUDGED_SOAK_SECONDS),
    },
    'keep-dir': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log(`Usage: node bench/load-drain.ts [options]  (npm run test:load -- [options])
  --restart-connections N  autocannon's connections during the rolling restart (32)
  --shutdown-delay-ms N    each instance's SHUTDOWN_DELAY_MS (2000)
  --capacity-seconds N     the capacity run before the soak (5)
  --soak-seconds N         the soak, 0 for none (BENCH_SOAK_SECONDS, else ${JUDGED_SOAK_SECONDS}); growth judged from ${JUDGED_SOAK_SECONDS}
  --keep-dir               keep the work directory (logs, nginx.conf)`)
  process.exit(0)
}
const SHUTDOWN_DELAY_MS = Number(args['shutdown-delay-ms'])
const SOAK_SECONDS = Number(args['soak-seconds'])
const PATH = '/api/timezone/Europe/Moscow'

const dir = mkdtempSync(join(tmpdir(), 'moscow-load-'))
// nginx's workers run as another user and need to reach their temp paths.
chmodSync(dir, 0o755)

/** Two instances behind nginx, warmed up so the figures are of a JITted service. */
const startDrain = async (): Promise<Drain> => {
  const setup = { dir, shutdownDelayMs: SHUTDOWN_DELAY_MS }
  const [listen, portA, portB] = [await freePort(), await freePort(), await freePort()]
  const instances = [
    await startInstance(setup, portA, await freePort()),
    await startInstance(setup, portB, await freePort()),
  ]
  const nginx = await startNginx(dir, listen, [portA, portB], PATH)
  const url = `http://${HOST}:${listen}${PATH}`
  console.log(
    `nginx on ${listen}, instances on ${portA} and ${portB}, SHUTDOWN_DELAY_MS=${SHUTDOWN_DELAY_MS}`,
  )
  await autocannon({ url, connections: 16, duration: 3 })
  return { url, nginx, instances, setup }
}

const verdict = (failures: number) => {
  const soaked =
    SOAK_SECONDS >= JUDGED_SOAK_SECONDS
      ? `, RSS growth after warm-up under ${GROWTH_LIMIT * 100} %`
      : SOAK_SECONDS > 0
        ? ` (RSS growth not judged: soak under ${JUDGED_SOAK_SECONDS} s)`
        : ''
  console.log(failures ? '\nFAIL' : `\nPASS: no failed requests${soaked}`)
  return failures ? 1 : 0
}

const main = async () => {
  console.log(`node ${process.version}; work dir ${dir}`)
  console.log('building the production bundle (npm run build)')
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { stdio: 'inherit', cwd: ROOT })
  const drain = await startDrain()
  let failures = await rollingRestart(drain, Number(args['restart-connections']))
  if (SOAK_SECONDS > 0)
    failures += await soak(drain, Number(args['capacity-seconds']), SOAK_SECONDS)
  // Shut down what was started here, the instances gracefully.
  await Promise.all(drain.instances.map(stopInstance))
  const nginxExited = once(drain.nginx.child, 'exit')
  drain.nginx.child.kill('SIGQUIT')
  await nginxExited
  return verdict(failures)
}

let code = 1
try {
  code = await main()
} finally {
  killStarted()
  if (!args['keep-dir']) rmSync(dir, { recursive: true, force: true })
  else console.log(`kept ${dir}`)
}
process.exit(code)
