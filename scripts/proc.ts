// What Linux says of a process in /proc: memory from /proc/<pid>/status, CPU time from its stat.
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ, the unit of /proc/<pid>/stat times on Linux

/** A kB figure of /proc/<pid>/status (VmRSS, VmHWM, RssAnon…); NaN where the kernel has none. */
export const statusKb = (pid: number, field: string): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Number(match[1]) : Number.NaN
}

/** User plus system CPU time so far, in seconds. */
export const cpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name, in parentheses, may hold spaces: count fields from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}
