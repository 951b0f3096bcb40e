// The shapes against geo-tz: random points, uniform on the sphere, where both answer; for each
// disagreement, how far it lies from the nearest border in geo-tz's own polygons.
import { childBounds, ROOT } from '../../src/places/zone-shapes-quadtree.ts'
import type { GeoTzNode, Inputs, Point } from './inputs.ts'
import { METRES_PER_DEGREE, onEdge } from './simplify.ts'

export type Sample = { lat: number; lon: number; zones: string[] }
export type Disagreement = {
  lat: number
  lon: number
  geoTz: string[]
  ours: string
  metres: number
}
export type Accuracy = {
  land: { points: number; agree: number; disputed: number }
  sea: { points: number; agree: number }
  disagreements: Disagreement[]
}

/** True at sea: geo-tz's nautical zones are Etc/GMT and Etc/GMT+-N. */
export const isSea = (zone: string): boolean => /^Etc\/GMT([+-]\d+)?$/.test(zone)

/** A seeded generator (mulberry32), so a run can be replayed. */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let s = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  s = (s + Math.imul(s ^ (s >>> 7), 61 | s)) ^ s
  return ((s ^ (s >>> 14)) >>> 0) / 2 ** 32
}

/** Points uniform on the sphere, to 6 decimals, with geo-tz's answers, until `land` are on land. */
export function samplePoints(find: Inputs['find'], land: number, seed = 23): Sample[] {
  const next = random(seed)
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  const samples: Sample[] = []
  for (let onLand = 0; onLand < land; ) {
    const lat = round((Math.asin(2 * next() - 1) * 180) / Math.PI)
    const lon = round(360 * next() - 180)
    const zones = find(lat, lon)
    if (!isSea(zones[0] as string)) onLand++
    samples.push({ lat, lon, zones })
  }
  return samples
}

/** Our answers against geo-tz's first; a disputed point is one where ours is another of its answers. */
export function measure(
  samples: Sample[],
  zoneAt: (lat: number, lon: number) => string | undefined,
  inputs: Inputs,
): Accuracy {
  const result: Accuracy = {
    land: { points: 0, agree: 0, disputed: 0 },
    sea: { points: 0, agree: 0 },
    disagreements: [],
  }
  for (const { lat, lon, zones } of samples) {
    const ours = zoneAt(lat, lon) ?? 'none'
    const wanted = zones[0] as string
    const tally = isSea(wanted) ? result.sea : result.land
    tally.points++
    if (ours === wanted) tally.agree++
    else {
      if (zones.includes(ours)) result.land.disputed++
      const metres = distanceToBorder(inputs, lat, lon)
      result.disagreements.push({ lat, lon, geoTz: zones, ours, metres })
    }
  }
  return result
}

/**
 * Metres from a point to the nearest edge of geo-tz's polygons in its cell (edges along the cell's
 * own edge left out: they are where geo-tz clipped, not borders); Infinity in a cell of one zone.
 */
export function distanceToBorder(inputs: Inputs, lat: number, lon: number): number {
  const y = Math.max(-89.9999, Math.min(89.9999, lat))
  const x = Math.max(-179.9999, Math.min(179.9999, lon))
  let b = ROOT
  let node: GeoTzNode | undefined = inputs.index.lookup
  while (node && !Array.isArray(node) && typeof node.pos !== 'number') {
    const q = y >= b.midLat ? (x >= b.midLon ? 0 : 1) : x < b.midLon ? 2 : 3
    node = (node as Record<string, GeoTzNode>)['abcd'[q] as string]
    b = childBounds(b, q)
  }
  if (!node || Array.isArray(node)) return Number.POSITIVE_INFINITY
  const scale = Math.cos((y * Math.PI) / 180)
  let nearest = Number.POSITIVE_INFINITY
  const cellOf = node as { pos: number; len: number }
  for (const { polygons } of inputs.readCell(cellOf.pos, cellOf.len)) {
    for (const ring of polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Point
        const c = ring[i] as Point
        if (onEdge(a, b) && onEdge(c, b)) continue
        nearest = Math.min(nearest, segmentDistance([x * scale, y], a, c, scale))
      }
    }
  }
  return nearest * METRES_PER_DEGREE
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [cx, cy]: Point, scale: number) {
  const [x0, x1] = [ax * scale, cx * scale]
  const dx = x1 - x0
  const dy = cy - ay
  const length2 = dx * dx + dy * dy
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - ay) * dy) / length2))
  return Math.hypot(px - (x0 + t * dx), py - (ay + t * dy))
}
