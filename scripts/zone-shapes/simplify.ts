// Simplifying a cell's rings: Douglas-Peucker within a tolerance in metres, keeping every vertex
// on the cell's edge, so that the clipped rings still close along it.
import type { Bounds } from '../../src/places/zone-shapes-quadtree.ts'
import type { Inputs, Point } from './inputs.ts'

/** A ring without its closing vertex. */
export type Ring = Point[]

export const METRES_PER_DEGREE = 111_320
// geo-tz rounds its clipped vertices to 6 decimals: those within a micro-degree of an edge are on it.
const ON_EDGE = 1.5e-6

export const onEdge = ([x, y]: Point, b: Bounds): boolean =>
  Math.abs(x - b.left) < ON_EDGE ||
  Math.abs(x - b.right) < ON_EDGE ||
  Math.abs(y - b.top) < ON_EDGE ||
  Math.abs(y - b.bottom) < ON_EDGE

/**
 * The ring simplified: the chains between its vertices on the cell's edge each simplified on
 * their own, ends kept (a ring inside the cell is cut at its first vertex and the one farthest
 * from it). Longitudes are scaled by the cosine of the cell's middle latitude, so the tolerance
 * is in metres in every direction. Undefined when fewer than three vertices remain.
 */
export function simplifyRing(
  closed: Point[],
  b: Bounds,
  metres: number,
  simplify: Inputs['simplify'],
): Ring | undefined {
  const ring = closed.slice(0, -1)
  const n = ring.length
  if (n < 3) return undefined
  const scale = Math.cos((((b.top + b.bottom) / 2) * Math.PI) / 180)
  const points = ring.map(([x, y], i) => ({ x: x * scale, y, i }))
  const kept = fixedVertices(ring, b, points)
  const out: Ring = []
  kept.forEach((start, k) => {
    const end = kept[(k + 1) % kept.length] as number
    const chain = []
    for (let i = start; ; i = (i + 1) % n) {
      chain.push(points[i] as (typeof points)[number])
      if (i === end && chain.length > 1) break
    }
    const simplified = simplify(chain, metres / METRES_PER_DEGREE, true) as typeof chain
    for (const p of simplified.slice(0, -1)) out.push(ring[p.i] as Point)
  })
  return out.length >= 3 ? out : undefined
}

function fixedVertices(ring: Ring, b: Bounds, points: Array<{ x: number; y: number }>): number[] {
  const kept = ring.flatMap((p, i) => (onEdge(p, b) ? [i] : []))
  if (kept.length >= 2) return kept
  const first = kept[0] ?? 0
  const from = points[first] as { x: number; y: number }
  let far = first
  let farthest = -1
  points.forEach((p, i) => {
    const d = (p.x - from.x) ** 2 + (p.y - from.y) ** 2
    if (d > farthest) {
      farthest = d
      far = i
    }
  })
  return far < first ? [far, first] : [first, far]
}
