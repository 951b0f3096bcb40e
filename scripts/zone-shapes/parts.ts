// A cell's zones as parts: each zone's polygons (an outer ring, then its holes), their area, and
// their clipping to a child cell.
import type { Bounds } from '../../src/places/zone-shapes-quadtree.ts'
import type { CellFeature, Inputs } from './inputs.ts'
import { type Ring, simplifyRing } from './simplify.ts'

export type Part = { zone: string; polygons: Ring[][] }

/** The shoelace area in square degrees, positive when counter-clockwise. */
export const ringArea = (ring: Ring): number => {
  let twice = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as Ring[number]
    const [x1, y1] = ring[i] as Ring[number]
    twice += (x0 - x1) * (y0 + y1)
  }
  return twice / 2
}

export const partArea = (part: Part): number =>
  part.polygons.reduce(
    (sum, [outer, ...holes]) =>
      sum + Math.abs(ringArea(outer ?? [])) - holes.reduce((h, r) => h + Math.abs(ringArea(r)), 0),
    0,
  )

export const vertexCount = (part: Part): number =>
  part.polygons.reduce((sum, polygon) => sum + polygon.reduce((n, r) => n + r.length, 0), 0)

/** A geo-tz cell's features as parts, one per zone in the order geo-tz first meets it, simplified. */
export function cellParts(
  features: CellFeature[],
  b: Bounds,
  metres: number,
  simplify: Inputs['simplify'],
): Part[] {
  const byZone = new Map<string, Ring[][]>()
  for (const { tzid, polygons } of features) {
    const kept = polygons.flatMap((polygon) => {
      const [outer, ...holes] = polygon.map((r) => simplifyRing(r, b, metres, simplify))
      return outer ? [[outer, ...holes.filter((h) => h !== undefined)]] : []
    })
    byZone.set(tzid, [...(byZone.get(tzid) ?? []), ...kept])
  }
  return [...byZone].map(([zone, polygons]) => ({ zone, polygons }))
}

/** The parts clipped to a cell (Sutherland-Hodgman: a ring stays one ring), empty ones gone. */
export function clipParts(parts: Part[], b: Bounds, clipPolygon: Inputs['clipPolygon']): Part[] {
  const box: [number, number, number, number] = [b.left, b.bottom, b.right, b.top]
  const clip = (ring: Ring) => {
    const clipped = clipPolygon(ring, box)
    return clipped.length >= 3 && ringArea(clipped) !== 0 ? clipped : undefined
  }
  return parts.flatMap(({ zone, polygons }) => {
    const kept = polygons.flatMap((polygon) => {
      const [outer, ...holes] = polygon.map(clip)
      return outer ? [[outer, ...holes.filter((h) => h !== undefined)]] : []
    })
    return kept.length > 0 ? [{ zone, polygons: kept }] : []
  })
}
