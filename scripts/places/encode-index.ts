// The place index's file, places.bin (docs/places.md, "The index"): places grouped by country and
// division so that neighbours sit together, numbers as small differences, names as text lines, the
// search keys front-coded; src/places/index-read.ts reads it back.
import { createByteWriter } from '../../src/places/bytes.ts'
import {
  COORDINATE_SCALE,
  type IndexTables,
  KINDS,
  locativeEdit,
  MAGIC,
  type PlaceRecord,
  pathCode,
  rankPositions,
  titleCase,
} from '../../src/places/index-file.ts'
import type { IndexHeader } from '../../src/places/index-read.ts'
import { decodeKeyTable, encodeKeys, findOwnKeys, keyAt } from '../../src/places/key-table.ts'
import { sizesOf } from '../../src/places/rank.ts'
import { findTops } from '../../src/places/search.ts'
import { oddPathsOf, topsOf } from './encode-lookups.ts'

const groupOf = (place: PlaceRecord) => `${place.country}.${place.admin1}`

export const encodeIndex = (tables: IndexTables): Uint8Array => {
  const { places } = tables
  // File order: by group, largest first within; ranks are then recomputed as the reader does.
  const order = places
    .map((_, rank) => rank)
    .sort(
      (a, b) =>
        compare(groupOf(places[a] as PlaceRecord), groupOf(places[b] as PlaceRecord)) || a - b,
    )
  const filed = order.map((rank) => places[rank] as PlaceRecord)
  const rankAt = new Int32Array(places.length)
  rankPositions(filed.map((p) => p.population)).forEach((position, rank) => {
    rankAt[position] = rank
  })
  const newRank = new Int32Array(places.length)
  order.forEach((oldRank, position) => {
    newRank[oldRank] = rankAt[position] as number
  })
  const keySections = encodeKeySections(tables.keys, newRank)
  const table = decodeKeyTable(keySections.keys, keySections.counts, keySections.postings)
  const ownKeys = findOwnKeys(table, places.length, KINDS)
  const lines = filed.map((place, position) => {
    const own = ownKeys[rankAt[position] as number] as number
    const known = own >= 0 && titleCase(keyAt(table, own)) === place.ascii
    return lineOf(place, known, tables.regions.get(groupOf(place))?.en ?? '')
  })
  const writer = createByteWriter()
  writer.bytes(MAGIC)
  writer.section(JSON.stringify(headerOf(tables, filed)))
  writer.section(columnOf(filed, (p) => p.population, 'falling'))
  writer.section(columnOf(filed, (p) => Math.round(p.latitude * COORDINATE_SCALE), 'around'))
  writer.section(columnOf(filed, (p) => Math.round(p.longitude * COORDINATE_SCALE), 'around'))
  writer.section(zonesOf(filed, tables.zones))
  writer.section(`${lines.join('\n')}\n`)
  writer.section(keySections.keys)
  writer.section(keySections.counts)
  writer.section(keySections.postings)
  // A rank's population is the rank-th largest.
  const populations = filed.map((p) => p.population).sort((a, b) => b - a)
  writer.section(
    topsOf(
      findTops(
        table,
        sizesOf(places.length, (rank) => populations[rank] ?? 0),
      ),
    ),
  )
  writer.section(oddPathsOf(table, filed, rankAt))
  return writer.finish()
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** name if not the ASCII name, ASCII name if not its key's title case, Russian, locative, path. */
const lineOf = (place: PlaceRecord, asciiKnown: boolean, regionName: string) =>
  [
    place.name === place.ascii ? '' : place.name,
    asciiKnown ? '' : place.ascii,
    place.ru,
    locativeEdit(place.ru, place.ruIn),
    pathCode(place.path, { ...place, regionName }),
  ]
    .join('\t')
    .replace(/\t+$/, '')

const headerOf = (tables: IndexTables, filed: readonly PlaceRecord[]): IndexHeader => {
  const groups: IndexHeader['groups'] = []
  filed.forEach((place, i) => {
    const last = groups.at(-1)
    if (i > 0 && groupOf(place) === groupOf(filed[i - 1] as PlaceRecord) && last) last[2]++
    else groups.push([place.country, place.admin1, 1])
  })
  // The reader keeps each place's group in 16 bits.
  if (groups.length > 0xffff) throw new Error(`${groups.length} groups: more than 65,535`)
  const rows = (map: IndexTables['regions']) =>
    [...map].map(
      ([code, { en, ru }]) => [code, en, ru === en ? '' : ru] as [string, string, string],
    )
  return {
    source: tables.source,
    zones: [...tables.zones],
    countries: rows(tables.countries),
    regions: rows(tables.regions),
    groups,
  }
}

/** A group's first value as it is, the rest as the fall from the one before or the offset from the first. */
const columnOf = (
  filed: readonly PlaceRecord[],
  value: (place: PlaceRecord) => number,
  coding: 'falling' | 'around',
) => {
  const writer = createByteWriter()
  let first = 0
  filed.forEach((place, i) => {
    const previous = filed[i - 1]
    if (!previous || groupOf(previous) !== groupOf(place)) {
      first = value(place)
      writer.int(first)
    } else if (coding === 'falling') writer.uint(value(previous) - value(place))
    else writer.int(value(place) - first)
  })
  return writer.finish()
}

const zonesOf = (filed: readonly PlaceRecord[], zones: readonly string[]) => {
  const index = new Map(zones.map((zone, i) => [zone, i]))
  const writer = createByteWriter()
  let previous = 0
  for (const place of filed) {
    const zone = index.get(place.zone)
    if (zone === undefined) throw new Error(`${place.name}: zone ${place.zone} not in the table`)
    writer.uint(zone === previous ? 0 : zone + 1)
    previous = zone
  }
  return writer.finish()
}

/** The keys, the count of each one's postings less one, the postings (renumbered to the file's ranks). */
const encodeKeySections = (keys: IndexTables['keys'], newRank: Int32Array) => {
  const counts = createByteWriter()
  const postings = createByteWriter()
  postings.uint(keys.reduce((sum, [, list]) => sum + list.length, 0))
  for (const [, list] of keys) {
    const renumbered = list
      .map((p) => (newRank[Math.floor(p / KINDS)] as number) * KINDS + (p % KINDS))
      .sort((a, b) => a - b)
    counts.uint(renumbered.length - 1)
    renumbered.forEach((p, i) => {
      postings.uint(i === 0 ? p : p - (renumbered[i - 1] as number))
    })
  }
  return {
    keys: encodeKeys(keys.map(([key]) => key)),
    counts: counts.finish(),
    postings: postings.finish(),
  }
}
