// GeoNames' gazetteer rows (the tab-separated "geoname" table of cities500.txt), as the
// generator reads them, and which of them the index takes.

export type GeoNamesRow = {
  id: number
  name: string
  ascii: string
  /** Every alternate name, in any language and script, untagged (GeoNames' own order). */
  alternates: string[]
  latitude: number
  longitude: number
  featureCode: string
  country: string
  admin1: string
  population: number
  /** The dump's own zone field: only compared against the polygons, never used. */
  zone: string
}

/** One line of the table; undefined for a line that is not a row (blank, short). */
export const parseGeoNamesRow = (line: string): GeoNamesRow | undefined => {
  const f = line.split('\t')
  if (f.length < 19) return undefined
  const text = (i: number) => f[i] ?? ''
  return {
    id: Number(text(0)),
    name: text(1),
    ascii: text(2),
    alternates: text(3) === '' ? [] : text(3).split(','),
    latitude: Number(text(4)),
    longitude: Number(text(5)),
    featureCode: text(7),
    country: text(8),
    admin1: text(10),
    population: Number(text(14) || 0),
    zone: text(17),
  }
}

/** At least this many people, as GeoNames counts them. */
export const MIN_POPULATION = 1000
// Seats of a country or of a first-, second- or third-order division: GeoNames' cities1000 takes
// them whatever their population (often unknown, 0), and so do we.
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3'])
// Historical, abandoned, destroyed: no clock to show.
const GONE = new Set(['PPLH', 'PPLQ', 'PPLW'])

/** GeoNames' cities1000 rule, with "at least" 1,000 rather than "more than". */
export const isIncluded = (row: GeoNamesRow): boolean =>
  !GONE.has(row.featureCode) && (row.population >= MIN_POPULATION || SEATS.has(row.featureCode))

/** Every row of a table's text. */
export function* readGeoNamesRows(text: string): Generator<GeoNamesRow> {
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const row = parseGeoNamesRow(text.slice(start, end))
    if (row) yield row
    start = end + 1
  }
}
