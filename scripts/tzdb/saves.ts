// tzdb's DST amounts ("saves"), which TZif drops: written into the source as names, read back out.
import type { Stage } from './tzif.ts'

/** A stage with the DST amount in force, in seconds. */
export type SavedStage = Stage & { save: number }

// A save as zic reads it ("1", "0:30", "-1", "2s"), in minutes.
const saveMinutes = (text: string) => {
  const [h = 0, m = 0, s = 0] = text
    .replace(/^-|[sd]$/g, '')
    .split(':')
    .map(Number)
  if (s !== 0) throw new Error(`save ${text} is not whole minutes`)
  return (text.startsWith('-') ? -1 : 1) * (h * 60 + m)
}
const saveName = (minutes: number) => (minutes < 0 ? `SVM${-minutes}` : `SV${minutes}`)

/**
 * The same source with every abbreviation replaced by the DST amount ("save") in force, e.g.
 * "SV60": TZif keeps only a DST flag, so zic is asked to write tzdb's own amounts as names.
 */
export const encodeSaves = (zi: string): string =>
  zi
    .split('\n')
    .map((line) => {
      const fields = line.split(' ')
      const [kind = ''] = fields
      if (kind === 'R') {
        // R NAME FROM TO - IN ON AT SAVE LETTERS
        fields[9] = saveName(saveMinutes(fields[8] ?? '0')).slice(1)
      } else if (kind !== 'L' && !kind.startsWith('#') && line !== '') {
        // [Z NAME] STDOFF RULES FORMAT [UNTIL]: RULES is "-", a fixed save, or a rule's name.
        const at = kind === 'Z' ? 3 : 1
        const rules = fields[at] ?? '-'
        fields[at + 1] =
          rules === '-' ? 'SV0' : /^-?\d/.test(rules) ? saveName(saveMinutes(rules)) : 'S%s'
      }
      return fields.join(' ')
    })
    .join('\n')

const saveOf = (abbreviation: string) => {
  const m = /^SV(M?)(\d+)$/.exec(abbreviation)
  if (!m) throw new Error(`not a save name: ${abbreviation}`)
  return (m[1] ? -60 : 60) * Number(m[2])
}

/** Each instant where either compilation changes, with the type and the save then in force. */
export const joinSaves = (stages: readonly Stage[], saves: readonly Stage[]): SavedStage[] => {
  const instants = [...new Set([...stages, ...saves].map((stage) => stage.at))].sort(
    (a, b) => a - b,
  )
  const inForce = (list: readonly Stage[], at: number) =>
    list[
      Math.max(
        list.findLastIndex((stage) => stage.at <= at),
        0,
      )
    ] as Stage
  return instants.map((at) => ({
    ...inForce(stages, at),
    at,
    save: saveOf(inForce(saves, at).abbreviation),
  }))
}
