// A zone's table rows from its stages, DST reported in tzdb's "rearguard" form.
import type { TablePeriod } from '../../src/time/tzdb-table.ts'
import type { SavedStage } from './saves.ts'

/**
 * Periods in tzdb's "rearguard" form: clients expect DST to be the positive summer shift, so
 * negative DST (Dublin's winters, Morocco's Ramadan, Namibia's winters until 2017) is reported as
 * standard time, and the standard time between two such winters as DST of the difference.
 */
export const toPeriods = (stages: readonly SavedStage[]): TablePeriod[] => {
  const periods = stages.map((stage, i): TablePeriod => {
    const base = { at: stage.at, offset: stage.offset, abbreviation: stage.abbreviation }
    if (stage.save < 0) return { ...base, dst: 0 }
    const before = stages[i - 1]
    const after = stages[i + 1]
    if (stage.save === 0 && before && before.save < 0 && after?.offset === before.offset) {
      return { ...base, dst: stage.offset - before.offset }
    }
    return { ...base, dst: stage.save }
  })
  return periods.filter(
    (p, i) =>
      i === 0 ||
      p.offset !== periods[i - 1]?.offset ||
      p.dst !== periods[i - 1]?.dst ||
      p.abbreviation !== periods[i - 1]?.abbreviation,
  )
}
