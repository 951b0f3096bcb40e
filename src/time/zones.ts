import { tzdbNames, type ZoneNames } from './tzdb.ts'

export type ZoneRegistry = {
  /** Every zone the API lists: tzdb's primary names that the runtime knows, sorted. */
  readonly names: readonly string[]
  /** The properly cased zone for a name or alias (any case), or undefined if unknown. */
  resolve(name: string): string | undefined
  /** The listed zones under an area such as "America" (any case), or undefined if none. */
  inArea(area: string): readonly string[] | undefined
}

const isRuntimeZone = (name: string): boolean => {
  try {
    // Offsets such as "+03:00" are valid Temporal zones but not IANA names: only names pass.
    return (
      /^[A-Za-z]/.test(name) &&
      Boolean(Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name))
    )
  } catch {
    return false
  }
}

export const createZoneRegistry = (
  tzdb: ZoneNames = tzdbNames,
  runtime: readonly string[] = Intl.supportedValuesOf('timeZone'),
): ZoneRegistry => {
  const known = new Set([...tzdb.zones, ...Object.keys(tzdb.links)])
  // Zones newer than our tzdb table still get served (with numeric abbreviations).
  const newer = runtime.filter((name) => !known.has(name))
  const names = [...tzdb.zones, ...newer].filter(isRuntimeZone).sort()
  const byLowerCase = new Map<string, string>()
  for (const name of [...names, ...Object.keys(tzdb.links).filter(isRuntimeZone)]) {
    byLowerCase.set(name.toLowerCase(), name)
  }
  const areas = new Map<string, string[]>()
  for (const name of names) {
    const slash = name.indexOf('/')
    if (slash < 0) continue
    const area = name.slice(0, slash).toLowerCase()
    areas.set(area, [...(areas.get(area) ?? []), name])
  }
  return {
    names,
    resolve: (name) => byLowerCase.get(name.toLowerCase()),
    inArea: (area) => areas.get(area.toLowerCase()),
  }
}
