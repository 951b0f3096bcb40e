// Phase: the service's memory at rest beside the minimal floor's, its peak under the whole load,
// and the data tables it holds (which the memory targets allow for).
import { spawnSync } from 'node:child_process'
import { memoryKb, peakRssKb, ROOT, type Server } from '../servers.ts'

/** kB, as /proc reports. */
export type IdleMemory = { rss: number; anon: number; floor: number; floorAnon: number }
export type PeakMemory = { rss: number; anon: number }

export const idleMemory = (service: Server, floor: Server): IdleMemory => {
  const { rss, anon } = memoryKb(service)
  const onFloor = memoryKb(floor)
  return { rss, anon, floor: onFloor.rss, floorAnon: onFloor.anon }
}

/** Samples the service's RSS every 100 ms until stopped; the peak includes the kernel's VmHWM. */
export const samplePeakMemory = (service: Server) => {
  const peak: PeakMemory = { rss: 0, anon: 0 }
  const sampler = setInterval(() => {
    const { rss, anon } = memoryKb(service)
    peak.rss = Math.max(peak.rss, rss)
    peak.anon = Math.max(peak.anon, anon)
  }, 100)
  return () => {
    clearInterval(sampler)
    peak.rss = Math.max(peak.rss, peakRssKb(service))
    return peak
  }
}

/**
 * The data tables the service holds, in bytes, measured in a process of their own
 * (bench/table-sizes.ts): every route is asked once before the idle figure, so all are loaded.
 */
export const tableSizes = (): { tzdb: number; ipZones: number; places: number } => {
  const run = spawnSync(process.execPath, ['--expose-gc', 'bench/table-sizes.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`bench/table-sizes.ts failed\n${run.stderr}`)
  return JSON.parse(run.stdout)
}
