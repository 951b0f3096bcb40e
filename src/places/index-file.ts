// The place index's two files, shared by their generator and their reader (docs/places.md,
// "The index"). places.tsv: the zones, countries, regions and places, one a line, largest place
// first; keys.tsv: every folded name, sorted, with the places that bear it.

import { showKey, slugOf } from './normalize.ts'

export const FORMAT = 'moscow-time places 1'

/** Where the index came from: each input package and version, the counts, the build date. */
export type PlacesSource = Record<string, unknown>

export type Names = { readonly en: string; readonly ru: string }

/** A place as the files hold it; `index` is its rank by population, 0 the largest. */
export type PlaceRecord = {
  name: string
  /** GeoNames' ASCII name; equal to name where that is ASCII already. */
  ascii: string
  /** The Russian name, '' where none was found. */
  ru: string
  /** "в Казани" without "в": the Russian name's locative, '' where there is no Russian name. */
  ruIn: string
  /** ISO 3166-1 alpha-2. */
  country: string
  /** GeoNames' first-level division code within the country ('' or '00' where none). */
  admin1: string
  latitude: number
  longitude: number
  population: number
  zone: string
  /** The canonical page path, `/city/...`. */
  path: string
}

/** Kinds of name a key stands for, best first. */
export const KIND = { primary: 0, alternate: 1, word: 2 } as const
export type Kind = (typeof KIND)[keyof typeof KIND]
export const KINDS = 3

export type IndexTables = {
  source: PlacesSource
  zones: readonly string[]
  countries: ReadonlyMap<string, Names>
  /** Keyed `CC.admin1`. */
  regions: ReadonlyMap<string, Names>
  places: readonly PlaceRecord[]
  /** Sorted folded keys, each with its postings: place index * KINDS + kind, ascending (the file
   * holds each but a key's first as the difference from the one before). */
  keys: ReadonlyArray<readonly [key: string, postings: readonly number[]]>
}

export const PATH_PREFIX = '/city/'

// ---- writing (the generator) ----

/** The Russian locative as the file stores it: letters cut from the name's end, then the new end. */
export const locativeEdit = (name: string, locative: string): string => {
  if (locative === name || locative === '') return ''
  let same = 0
  while (same < name.length && name[same] === locative[same]) same++
  return `${name.length - same}${locative.slice(same)}`
}

export const applyLocativeEdit = (name: string, edit: string): string => {
  if (name === '') return ''
  const digits = /^\d+/.exec(edit)?.[0] ?? '0'
  return name.slice(0, name.length - Number(digits)) + edit.slice(digits.length)
}

// Three decimals: 110 m, finer than a town; the fourth would cost 0.2 MB of the image.
const coordinate = (value: number) => String(Math.round(value * 1e3) / 1e3)

/** The index's two files as text. */
export const encodeIndex = (tables: IndexTables): { places: string; keys: string } => {
  const zoneIndex = new Map(tables.zones.map((zone, i) => [zone, i]))
  const lines = [`# ${FORMAT}`, JSON.stringify(tables.source), '@zones', ...tables.zones]
  lines.push('@countries')
  for (const [code, { en, ru }] of tables.countries) lines.push(`${code}\t${en}\t${ru}`)
  lines.push('@regions')
  for (const [code, { en, ru }] of tables.regions) lines.push(`${code}\t${en}\t${ru}`)
  lines.push('@places')
  for (const p of tables.places) {
    const zone = zoneIndex.get(p.zone)
    if (zone === undefined) throw new Error(`${p.name}: zone ${p.zone} not in the table`)
    const fields = [
      p.name,
      p.ascii === p.name ? '' : p.ascii,
      p.ru,
      locativeEdit(p.ru, p.ruIn),
      p.country,
      p.admin1,
      coordinate(p.latitude),
      coordinate(p.longitude),
      p.population,
      zone,
      p.path === ownPath(p) ? '' : p.path.slice(PATH_PREFIX.length),
    ]
    lines.push(fields.join('\t'))
  }
  const keys = tables.keys.map(
    // Each posting after a key's first as its difference from the one before: smaller numbers.
    ([key, postings]) =>
      `${showKey(key)}\t${postings.map((n, i) => (i === 0 ? n : n - (postings[i - 1] as number)).toString(36)).join(',')}`,
  )
  return { places: `${lines.join('\n')}\n`, keys: `${keys.join('\n')}\n` }
}

// ---- reading ----

/** The sections of places.tsv: the source, and the line ranges of each table. */
export type PlacesText = {
  source: PlacesSource
  zones: string[]
  countries: Map<string, Names>
  regions: Map<string, Names>
  /** Byte offset of each place's line; one more at the end. */
  lineStarts: Int32Array
}

const NEWLINE = 10
const utf8 = new TextDecoder()

/** The place on one line of places.tsv (without its newline). */
export const decodePlace = (line: string, zones: readonly string[]): PlaceRecord => {
  const f = line.split('\t')
  const name = f[0] ?? ''
  const ascii = f[1] || name
  const ru = f[2] ?? ''
  return {
    name,
    ascii,
    ru,
    ruIn: applyLocativeEdit(ru, f[3] ?? ''),
    country: f[4] ?? '',
    admin1: f[5] ?? '',
    latitude: Number(f[6]),
    longitude: Number(f[7]),
    population: Number(f[8]),
    zone: zones[Number(f[9])] ?? '',
    path: f[10] ? PATH_PREFIX + f[10] : ownPath({ name, ascii }),
  }
}

/** The slug of a place's name: its ASCII name, or its name where that gives nothing. */
export const placeSlug = (place: { name: string; ascii: string }): string =>
  slugOf(place.ascii) || slugOf(place.name) || 'Place'

/** The path a place has when places.tsv leaves it out: /city/ and its name's slug. */
export const ownPath = (place: { name: string; ascii: string }): string =>
  PATH_PREFIX + placeSlug(place)

/** Reads everything but the places themselves, which are decoded one by one when asked for. */
export const readPlacesText = (bytes: Uint8Array): PlacesText => {
  const text = (from: number, to: number) => utf8.decode(bytes.subarray(from, to))
  let at = 0
  const nextLine = () => {
    const end = bytes.indexOf(NEWLINE, at)
    const line = text(at, end < 0 ? bytes.length : end)
    at = end < 0 ? bytes.length : end + 1
    return line
  }
  if (nextLine() !== `# ${FORMAT}`) throw new Error(`not a "${FORMAT}" index`)
  const source = JSON.parse(nextLine()) as PlacesSource
  const sections: Record<string, string[]> = {}
  let section: string[] | undefined
  for (let line = nextLine(); line !== '@places'; line = nextLine()) {
    if (at >= bytes.length) throw new Error('index has no places')
    if (line.startsWith('@')) sections[line.slice(1)] = section = []
    else section?.push(line)
  }
  const starts: number[] = []
  while (at < bytes.length) {
    starts.push(at)
    const end = bytes.indexOf(NEWLINE, at)
    at = end < 0 ? bytes.length : end + 1
  }
  starts.push(bytes.length)
  const names = (lines: string[] = []) =>
    new Map(
      lines.map((line) => {
        const [code = '', en = '', ru = ''] = line.split('\t')
        return [code, { en, ru: ru || en }] as const
      }),
    )
  return {
    source,
    zones: sections.zones ?? [],
    countries: names(sections.countries),
    regions: names(sections.regions),
    lineStarts: Int32Array.from(starts),
  }
}
