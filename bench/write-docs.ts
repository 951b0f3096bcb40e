// `npm run bench -- --write`: the report into docs/performance.md, between its bench markers.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './servers.ts'

export const DOC = 'docs/performance.md'
export const BEGIN = '<!-- bench:begin -->'
export const END = '<!-- bench:end -->'

/** Replaces what stands between the bench markers in docs/performance.md. */
export const writeReport = (text: string) => {
  const file = join(ROOT, DOC)
  const doc = readFileSync(file, 'utf8')
  const from = doc.indexOf(BEGIN)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) throw new Error(`docs/performance.md lacks ${BEGIN} and ${END}`)
  writeFileSync(file, `${doc.slice(0, from + BEGIN.length)}\n${text}\n${doc.slice(to)}`)
  console.log('bench: report written to docs/performance.md')
}
