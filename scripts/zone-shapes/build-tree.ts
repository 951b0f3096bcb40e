// The shapes' quadtree: geo-tz's own, its cells of polygons simplified, and those still holding
// many vertices split further, so that a lookup tests few edges.
import { type Bounds, childBounds, ROOT } from '../../src/places/zone-shapes-quadtree.ts'
import type { GeoTzNode, Inputs } from './inputs.ts'
import { cellParts, clipParts, type Part, partArea, vertexCount } from './parts.ts'

/** A shape leaf tests its parts in order; a point in none is in rest (undefined: the sea). */
export type ShapeTree =
  | { kind: 'inner'; children: ShapeTree[] }
  | { kind: 'ocean' }
  | { kind: 'zone'; zone: string }
  | { kind: 'shape'; parts: Part[]; rest: string | undefined; bounds: Bounds }

export type TreeOptions = { metres: number; maxVertices: number }

const OCEAN: ShapeTree = { kind: 'ocean' }
const QUADRANTS = ['a', 'b', 'c', 'd']
// Cells no smaller than this (degrees) split; a cell's part smaller than this share of it counts as none.
const MIN_CELL = 1e-4
const SLIVER = 1e-3

export function buildTree(inputs: Inputs, options: TreeOptions): ShapeTree {
  const { timezones, lookup } = inputs.index
  const walk = (node: GeoTzNode | undefined, b: Bounds): ShapeTree => {
    if (node === undefined) return OCEAN
    if (Array.isArray(node)) {
      // geo-tz answers all of a leaf's zones; the service takes the first.
      const first = node[0]
      return first === undefined ? OCEAN : { kind: 'zone', zone: timezones[first] as string }
    }
    if (typeof node.pos === 'number' && node.pos >= 0 && node.len) {
      const features = inputs.readCell(node.pos, node.len as number)
      const parts = cellParts(features, b, options.metres, inputs.simplify)
      return shapeNode(parts, b, options, inputs.clipPolygon)
    }
    const inner = node as Record<string, GeoTzNode>
    return {
      kind: 'inner',
      children: QUADRANTS.map((q, i) => walk(inner[q], childBounds(b, i))),
    }
  }
  return walk(lookup, ROOT)
}

/**
 * A cell's node from its parts: the sea or one zone when nothing else is in it, else a shape
 * leaf whose rest is the sea if the parts leave some uncovered, else the zone with most vertices
 * (the last one where parts overlap, as geo-tz answers the first it meets). Split while the
 * parts to test hold more than maxVertices.
 */
export function shapeNode(
  parts: Part[],
  b: Bounds,
  options: TreeOptions,
  clipPolygon: Inputs['clipPolygon'],
): ShapeTree {
  const area = (b.right - b.left) * (b.top - b.bottom)
  const covered = parts.reduce((sum, part) => sum + partArea(part), 0)
  const sea = covered < area * (1 - SLIVER)
  if (parts.length === 0) return OCEAN
  if (parts.length === 1 && !sea) return { kind: 'zone', zone: (parts[0] as Part).zone }
  let rest: Part | undefined
  if (!sea) {
    rest =
      covered > area * (1 + SLIVER)
        ? parts.at(-1)
        : parts.reduce((most, p) => (vertexCount(p) > vertexCount(most) ? p : most))
  }
  const tested = parts.filter((p) => p !== rest)
  const vertices = tested.reduce((sum, p) => sum + vertexCount(p), 0)
  if (vertices > options.maxVertices && b.right - b.left > MIN_CELL) {
    const children = [0, 1, 2, 3].map((q) => {
      const child = childBounds(b, q)
      return shapeNode(clipParts(parts, child, clipPolygon), child, options, clipPolygon)
    })
    return { kind: 'inner', children }
  }
  return { kind: 'shape', parts: tested, rest: rest?.zone, bounds: b }
}
