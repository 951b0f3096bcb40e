// The quadtree as the file: pre-order node codes, part and ring counts, and coordinates as
// zigzag deltas, each a varint stream of its own (brotli packs each kind of number better apart).
import {
  INNER_CODE,
  OCEAN_CODE,
  packZoneShapes,
  SHAPE_CODE,
  ZONE_CODE,
  type ZoneShapesSource,
} from '../../src/places/zone-shapes-format.ts'
import type { Bounds } from '../../src/places/zone-shapes-quadtree.ts'
import type { ShapeTree } from './build-tree.ts'
import { onEdge, type Ring } from './simplify.ts'

class Varints {
  private bytes: number[] = []
  push(value: number): void {
    let v = value
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80)
      v = Math.floor(v / 0x80)
    }
    this.bytes.push(v)
  }
  pushSigned(value: number): void {
    this.push(value < 0 ? -2 * value - 1 : 2 * value)
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

export function encodeTree(
  tree: ShapeTree,
  source: ZoneShapesSource,
  unitsPerDegree: number,
): Uint8Array {
  const zones = zonesByUse(tree)
  const index = new Map(zones.map((zone, i) => [zone, i]))
  const codes = new Varints()
  const counts = new Varints()
  const coords = new Varints()
  const totals = { nodes: 0, shapes: 0, parts: 0, rings: 0, vertices: 0 }
  const last = [0, 0]
  const writeRing = (ring: Array<[number, number]>) => {
    counts.push(ring.length)
    totals.rings++
    totals.vertices += ring.length
    for (const [x, y] of ring) {
      coords.pushSigned(x - (last[0] as number))
      coords.pushSigned(y - (last[1] as number))
      last[0] = x
      last[1] = y
    }
  }
  const walk = (node: ShapeTree) => {
    totals.nodes++
    if (node.kind === 'inner') {
      codes.push(INNER_CODE)
      for (const child of node.children) walk(child)
    } else if (node.kind === 'ocean') codes.push(OCEAN_CODE)
    else if (node.kind === 'zone') codes.push(ZONE_CODE + (index.get(node.zone) as number))
    else {
      codes.push(SHAPE_CODE)
      totals.shapes++
      const parts = node.parts.map(({ zone, polygons }) => ({
        zone,
        rings: polygons.flat().flatMap((r) => quantize(r, node.bounds, unitsPerDegree) ?? []),
      }))
      counts.push(parts.length)
      counts.push(node.rest === undefined ? 0 : (index.get(node.rest) as number) + 1)
      for (const { zone, rings } of parts) {
        totals.parts++
        counts.push(index.get(zone) as number)
        counts.push(rings.length)
        rings.forEach(writeRing)
      }
    }
  }
  walk(tree)
  const streams = [codes.toBytes(), counts.toBytes(), coords.toBytes()]
  const [tree_, counts_, coords_] = streams.map((s) => s.length) as [number, number, number]
  const header = {
    source,
    zones,
    unitsPerDegree,
    counts: totals,
    bytes: { tree: tree_, counts: counts_, coords: coords_ },
  }
  return packZoneShapes(header, streams)
}

/**
 * A ring in whole units: a vertex on the cell's edge rounded outwards, so that no point inside
 * the cell falls off a ring that runs along its edge; repeated vertices dropped.
 */
export function quantize(
  ring: Ring,
  b: Bounds,
  unitsPerDegree: number,
): Array<Array<[number, number]>> | undefined {
  const out: Array<[number, number]> = []
  for (const p of ring) {
    const [x, y] = p
    let qx = Math.round(x * unitsPerDegree)
    let qy = Math.round(y * unitsPerDegree)
    if (onEdge(p, b)) {
      if (Math.abs(x - b.left) < 1e-5) qx = Math.floor(b.left * unitsPerDegree)
      if (Math.abs(x - b.right) < 1e-5) qx = Math.ceil(b.right * unitsPerDegree)
      if (Math.abs(y - b.bottom) < 1e-5) qy = Math.floor(b.bottom * unitsPerDegree)
      if (Math.abs(y - b.top) < 1e-5) qy = Math.ceil(b.top * unitsPerDegree)
    }
    const previous = out.at(-1)
    if (previous?.[0] !== qx || previous[1] !== qy) out.push([qx, qy])
  }
  while (out.length > 1 && out[0]?.[0] === out.at(-1)?.[0] && out[0]?.[1] === out.at(-1)?.[1]) {
    out.pop()
  }
  return out.length >= 3 ? [out] : undefined
}

// The most used first, so that most zone codes take one byte.
function zonesByUse(tree: ShapeTree): string[] {
  const uses = new Map<string, number>()
  const count = (zone: string | undefined) => {
    if (zone !== undefined) uses.set(zone, (uses.get(zone) ?? 0) + 1)
  }
  const walk = (node: ShapeTree) => {
    if (node.kind === 'inner') node.children.forEach(walk)
    else if (node.kind === 'zone') count(node.zone)
    else if (node.kind === 'shape') {
      count(node.rest)
      for (const part of node.parts) count(part.zone)
    }
  }
  walk(tree)
  return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([zone]) => zone)
}
