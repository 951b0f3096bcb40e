// Reads zone1970.tab (and zone.tab, same columns): each zone's countries, coordinates and comment.
import type { TzdbTable } from '../../src/time/tzdb-table.ts'

// Codes, coordinates (ISO 6709, ±DDMM[SS]±DDDMM[SS]), zone, comment; the first line for a zone wins.
export const readZone1970 = (text: string): TzdbTable['places'] => {
  const places: TzdbTable['places'] = {}
  const degrees = (sign: string, digits: string, width: number) => {
    const d = Number(digits.slice(0, width))
    const m = Number(digits.slice(width, width + 2))
    const s = Number(digits.slice(width + 2) || 0)
    const value = d + m / 60 + s / 3600
    return Math.round((sign === '-' ? -value : value) * 1e4) / 1e4
  }
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [codes = '', coordinates = '', zone = '', comment = ''] = line.split('\t')
    const m = /^([-+])(\d{4,6})([-+])(\d{5,7})$/.exec(coordinates)
    if (!m) throw new Error(`zone1970.tab: bad coordinates ${coordinates}`)
    const [, latSign = '', lat = '', lonSign = '', lon = ''] = m
    places[zone] ??= [codes, degrees(latSign, lat, 2), degrees(lonSign, lon, 3), comment]
  }
  return places
}
