// The targets' "before" column: each target's figure in the last run written into
// docs/performance.md (`--write`), as committed at BENCH_BEFORE (HEAD unless told), found by the
// target's name. A target the last run did not have reads "—".
import { spawnSync } from 'node:child_process'
import { ROOT } from './servers.ts'
import { BEGIN, DOC, END } from './write-docs.ts'

/** The line above the targets' table in the report. */
export const TARGETS_TITLE = 'Targets:'

export type Before = { source: string; figures: Map<string, string> }

const git = (args: string[]) => {
  const run = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' })
  return run.status === 0 ? run.stdout : undefined
}

const cellsOf = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim())

/** The targets' table of a written report: the rows after its title, up to the first non-row. */
const targetsTable = (doc: string) => {
  const lines = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END)).split('\n')
  const title = lines.indexOf(TARGETS_TITLE)
  if (title < 0) return []
  const rest = lines.slice(title + 1)
  const first = rest.findIndex((line) => line.startsWith('|'))
  const after = rest.slice(first).findIndex((line) => !line.startsWith('|'))
  return first < 0 ? [] : rest.slice(first, after < 0 ? undefined : first + after)
}

/** The figures of the report committed at `revision`, by target; none when git has no such file. */
export const readBefore = (revision: string): Before => {
  const commit = git(['rev-parse', '--short', revision])?.trim()
  const doc = commit ? git(['show', `${commit}:${DOC}`]) : undefined
  const [header, , ...rows] = doc ? targetsTable(doc) : []
  // "measured" in the reports before the column was named "now".
  const column = header
    ? cellsOf(header).findIndex((cell) => cell === 'now' || cell === 'measured')
    : -1
  const figures = new Map(
    column < 0 ? [] : rows.map(cellsOf).map((cells) => [cells[0] ?? '', cells[column] ?? '']),
  )
  return { source: commit ? `${DOC} at ${commit}` : `no ${revision} in git`, figures }
}
