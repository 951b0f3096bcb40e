// Coordinates -> IANA zone, from the shapes scripts/generate-zone-shapes.ts builds (docs/zone-shapes.md).
import { compressTable, readTable } from '../table-file.ts'
import {
  decodeZoneShapes,
  OCEAN_NODE,
  type ZoneShapesSource,
  type ZoneShapesTable,
} from './zone-shapes-format.ts'
import { MAX_LAT, MAX_LON, oceanZoneAt, ROOT } from './zone-shapes-quadtree.ts'

export type ZoneShapes = {
  readonly source: ZoneShapesSource
  /** Every land zone the shapes can answer, as geo-tz names them (links included). */
  readonly zones: readonly string[]
  /**
   * The zone at a latitude and longitude in degrees (WGS 84): a land zone, or at sea the nautical
   * Etc/GMT+-N of the longitude. Undefined for NaN or a latitude outside [-90, 90] or longitude
   * outside [-180, 180].
   */
  zoneAt(lat: number, lon: number): string | undefined
}

const DEFAULT_FILE = new URL('../../data/zone-shapes/zone-shapes.bin', import.meta.url)
// geo-tz answers every sea zone at the North Pole, where all meridians meet; its first is this.
const NORTH_POLE = 'Etc/GMT-12'

export const createZoneShapes = (table: ZoneShapesTable): ZoneShapes => {
  const { zones, nodes, rest, unitsPerDegree } = table
  const shapeBase = -2 - zones.length
  const zoneAt = (lat: number, lon: number): string | undefined => {
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return undefined
    if (lat === 90) return NORTH_POLE
    // As geo-tz: the point clamped inside its root cell descends; the sea goes by the longitude.
    const y = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat))
    const x = Math.max(-MAX_LON, Math.min(MAX_LON, lon))
    let { top, bottom, left, right, midLat, midLon } = ROOT
    let node = 0
    for (let first = nodes[0] as number; first >= 0; first = nodes[node] as number) {
      if (y >= midLat) {
        bottom = midLat
        if (x >= midLon) {
          left = midLon
          node = first
        } else {
          right = midLon
          node = first + 1
        }
      } else {
        top = midLat
        if (x < midLon) {
          right = midLon
          node = first + 2
        } else {
          left = midLon
          node = first + 3
        }
      }
      midLat = (top + bottom) / 2
      midLon = (left + right) / 2
    }
    const leaf = nodes[node] as number
    if (leaf === OCEAN_NODE) return oceanZoneAt(lon)
    if (leaf > shapeBase) return zones[-2 - leaf]
    const shape = shapeBase - leaf
    const zone = zoneInShape(table, shape, x * unitsPerDegree, y * unitsPerDegree)
    const found = zone ?? (rest[shape] as number)
    return found < 0 ? oceanZoneAt(lon) : zones[found]
  }
  return { source: table.source, zones, zoneAt }
}

/** The first part of a shape leaf whose rings hold the point (even-odd rule), or undefined. */
function zoneInShape(table: ZoneShapesTable, shape: number, x: number, y: number) {
  const { firstPart, partZone, firstRing, firstVertex, coords } = table
  for (let part = firstPart[shape] as number; part < (firstPart[shape + 1] as number); part++) {
    let inside = false
    for (let ring = firstRing[part] as number; ring < (firstRing[part + 1] as number); ring++) {
      const start = 2 * (firstVertex[ring] as number)
      const end = 2 * (firstVertex[ring + 1] as number)
      let x0 = coords[end - 2] as number
      let y0 = coords[end - 1] as number
      for (let i = start; i < end; i += 2) {
        const x1 = coords[i] as number
        const y1 = coords[i + 1] as number
        if (y1 > y !== y0 > y && x < ((x0 - x1) * (y - y1)) / (y0 - y1) + x1) inside = !inside
        x0 = x1
        y0 = y1
      }
    }
    if (inside) return partZone[part] as number
  }
  return undefined
}

/** The shapes as the image ships them, `<file>.br`: brotli at its highest quality. */
export const compressZoneShapes = (file: Uint8Array, quality = 11): Buffer =>
  compressTable(file, quality)

/**
 * The shapes from bytes, a file, or by default the committed data/zone-shapes/zone-shapes.bin
 * (relative to this source file: a bundle passes its own URL). Call it on first use: it reads
 * and decodes the whole file (docs/zone-shapes.md).
 */
export const loadZoneShapes = (from: Uint8Array | URL = DEFAULT_FILE): ZoneShapes =>
  createZoneShapes(decodeZoneShapes(from instanceof URL ? readTable(from) : from))
