// A zone's stages over the table's span: the compiled transitions, then those of its footer's rule.
import { type PosixOffset, parsePosixTz, transitionsInYear } from '../../src/time/posix-tz.ts'
import type { Stage } from './tzif.ts'

/** The table spans 1970-01-01 to 2101-01-01 UTC; beyond, the footer's rule is applied at run time. */
export const TABLE_START = 0
export const TABLE_END = Date.UTC(2101, 0, 1) / 1000

const yearOf = (epochSeconds: number) => new Date(epochSeconds * 1000).getUTCFullYear()

const sameType = (a: PosixOffset | undefined, b: PosixOffset) =>
  a !== undefined &&
  a.offset === b.offset &&
  a.isDst === b.isDst &&
  a.abbreviation === b.abbreviation

/** The zone's stages from TABLE_START to TABLE_END: the listed transitions, then the footer's. */
export const expandStages = (stages: readonly Stage[], footer: string): Stage[] => {
  const out = [...stages]
  const rule = parsePosixTz(footer)
  if (footer && !rule) throw new Error(`unreadable footer ${JSON.stringify(footer)}`)
  const last = out.at(-1)?.at ?? Number.NEGATIVE_INFINITY
  if (rule?.daylight) {
    for (let year = Math.max(1970, yearOf(last)); year <= yearOf(TABLE_END); year++) {
      for (const change of transitionsInYear(rule, year)) {
        if (change.at > last && change.at < TABLE_END) out.push(change)
      }
    }
  } else if (rule && !sameType(out.at(-1), rule.standard)) {
    // RFC 8536: the footer holds from the last transition on.
    out.push({ at: last + 1, ...rule.standard })
  }
  // Keep the stage in force at TABLE_START and every later one, dropping empty stages.
  const from = out.findLastIndex((stage) => stage.at <= TABLE_START)
  const kept = out.slice(Math.max(from, 0))
  return kept.filter((stage, i) => stage.at !== kept[i + 1]?.at)
}
