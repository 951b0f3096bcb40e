// The machine the bench runs on: its CPUs, whether servers and load generators get a core each, wrk.
import { spawnSync } from 'node:child_process'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { wrkVersion } from './load-wrk.ts'

export type Machine = {
  cpuCount: number
  /** Servers on CPU 0, this process (autocannon) and wrk on CPU 1. */
  pinned: boolean
  /** wrk's version, or undefined when it is not on PATH. */
  wrk: string | undefined
  /** One line for the report. */
  description: string
}

/** Pins this process to CPU 1 when there are two: otherwise servers and load fight for both cores. */
export const readMachine = (): Machine => {
  const cpuCount = availableParallelism()
  const pinned =
    cpuCount >= 2 &&
    spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0
  const wrk = wrkVersion()
  const description = [
    `${cpuCount} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`,
    `Node ${process.version}`,
    pinned ? 'servers pinned to CPU 0, load generators to CPU 1 (taskset)' : 'not pinned',
    wrk ?? 'no wrk',
    `load average ${loadavg()[0]?.toFixed(2)} at start`,
  ].join(', ')
  return { cpuCount, pinned, wrk, description }
}

/** taskset's CPU list for a server under load, and for the load generators; none when unpinned. */
export const serverCpus = ({ pinned }: Machine) => (pinned ? '0' : undefined)
export const loadCpus = ({ pinned }: Machine) => (pinned ? '1' : undefined)

/** Every CPU, as a pod scheduled on an idle node would have: for cold starts. */
export const allCpus = ({ pinned, cpuCount }: Machine) => (pinned ? `0-${cpuCount - 1}` : undefined)
