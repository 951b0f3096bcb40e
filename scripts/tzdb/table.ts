// Builds the tzdb table (data/tzdb/zones.json's content) from the source and its compilations.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeZone, type TzdbTable } from '../../src/time/tzdb-table.ts'
import { toPeriods } from './periods.ts'
import { joinSaves } from './saves.ts'
import { expandStages, TABLE_END } from './stages.ts'
import { readTzif } from './tzif.ts'
import { readZone1970 } from './zone-tab.ts'

/** The table, from the source and its two compilations (as written, and with saves as names). */
export const generateTable = (
  zi: string,
  /** zone1970.tab, then zone.tab for the zones it leaves out (one per country, e.g. Amsterdam). */
  zone1970: string,
  compiled: string,
  savesCompiled: string,
): TzdbTable => {
  const version = /^# version (\S+)/.exec(zi)?.[1]
  if (!version) throw new Error('tzdata.zi has no "# version" line')
  const zoneNames = [...zi.matchAll(/^Z (\S+)/gm)].map((m) => m[1] as string).sort()
  const links = Object.fromEntries(
    [...zi.matchAll(/^L (\S+) (\S+)/gm)]
      .map((m) => [m[2] as string, m[1] as string])
      .sort(([a = ''], [b = '']) => (a < b ? -1 : 1)),
  )
  const zones: TzdbTable['zones'] = {}
  for (const name of zoneNames) {
    const { stages, footer } = readTzif(readFileSync(join(compiled, name)))
    const saves = readTzif(readFileSync(join(savesCompiled, name)))
    const joined = joinSaves(expandStages(stages, footer), expandStages(saves.stages, saves.footer))
    zones[name] = encodeZone(toPeriods(joined), footer)
  }
  return { version, end: TABLE_END, zones, links, places: readZone1970(zone1970) }
}
