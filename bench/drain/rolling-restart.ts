// The load test's first part: steady load while each instance in turn gets SIGTERM and is replaced.
import { setTimeout as sleep } from 'node:timers/promises'
import { startLoad } from '../load-autocannon.ts'
import { type Instance, type InstanceSetup, restart } from './instances.ts'
import type { Nginx } from './nginx.ts'
import { failures, totals } from './requests.ts'

/** What both parts load: nginx's URL, nginx, and the instances behind it (replaced in place). */
export type Drain = { url: string; nginx: Nginx; instances: Instance[]; setup: InstanceSetup }

/** Returns the failed requests: every request must succeed. */
export const rollingRestart = async (
  { url, nginx, instances, setup }: Drain,
  connections: number,
) => {
  await nginx.flush()
  const marks = nginx.marks()
  const load = startLoad({ url, connections, duration: 120 })
  await sleep(3_000)
  console.log('\n== rolling restart under load')
  for (const [index, instance] of instances.entries()) {
    const { next, drainMs, downMs } = await restart(setup, instance)
    instances[index] = next
    console.log(
      `  :${instance.port} exited 0 ${Math.round(drainMs)} ms after SIGTERM; the new one ready ${Math.round(downMs)} ms later`,
    )
    await sleep(3_000)
  }
  load.instance.stop()
  return failures(nginx, totals(await load.result), marks)
}
