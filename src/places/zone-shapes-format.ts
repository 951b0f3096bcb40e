// The zone shapes' file format and quadtree geometry, shared by their generator and their reader.

/** Where the shapes came from: geo-tz, the timezone-boundary-builder release it carries, and how. */
export type ZoneShapesSource = {
  readonly geoTz: string
  readonly boundaryBuilder: string
  /** How far a simplified border may stray from geo-tz's, in metres. */
  readonly toleranceMetres: number
}

/**
 * The decoded shapes. nodes is the quadtree: a value >= 0 is an inner node whose four children
 * (NE, NW, SW, SE, as geo-tz orders them) start at that index; OCEAN_NODE is sea; other values
 * are leaves, -2 - v: zone v when v < zones.length, else shape leaf v - zones.length.
 */
export type ZoneShapesTable = {
  readonly source: ZoneShapesSource
  readonly zones: readonly string[]
  /** Coordinates are integers in units of 1 / unitsPerDegree degrees. */
  readonly unitsPerDegree: number
  readonly nodes: Int32Array
  /** Shape leaf s holds parts firstPart[s] to firstPart[s + 1] - 1, tried in order. */
  readonly firstPart: Uint32Array
  /** The zone of a point in no part: a zone index, or -1 for the sea. */
  readonly rest: Int32Array
  readonly partZone: Uint16Array
  /** Part p's rings are firstRing[p] to firstRing[p + 1] - 1. */
  readonly firstRing: Uint32Array
  /** Ring r's vertices are firstVertex[r] to firstVertex[r + 1] - 1, closed implicitly. */
  readonly firstVertex: Uint32Array
  /** x, y of every vertex, in turn. */
  readonly coords: Int32Array
}

export const OCEAN_NODE = -1
/** Tree stream codes; ZONE_CODE + z is a leaf of zone z. */
export const INNER_CODE = 0
export const OCEAN_CODE = 1
export const SHAPE_CODE = 2
export const ZONE_CODE = 3

const MAGIC = 'ZSH1'

type Header = {
  source: ZoneShapesSource
  zones: string[]
  unitsPerDegree: number
  counts: { nodes: number; shapes: number; parts: number; rings: number; vertices: number }
  bytes: { tree: number; counts: number; coords: number }
}
export type ZoneShapesHeader = Header

/** The file: "ZSH1", a u32 header length, a JSON header, then three varint streams. */
export const packZoneShapes = (header: Header, streams: Uint8Array[]): Uint8Array => {
  const json = new TextEncoder().encode(JSON.stringify(header))
  const total = 8 + json.length + streams.reduce((sum, s) => sum + s.length, 0)
  const bytes = new Uint8Array(total)
  bytes.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(bytes.buffer).setUint32(4, json.length, true)
  bytes.set(json, 8)
  let at = 8 + json.length
  for (const stream of streams) {
    bytes.set(stream, at)
    at += stream.length
  }
  return bytes
}

/** A reader of unsigned LEB128 varints. */
const varints = (bytes: Uint8Array, at: number) => () => {
  let value = 0
  let scale = 1
  for (;;) {
    const byte = bytes[at++] as number
    value += (byte & 0x7f) * scale
    if (byte < 0x80) return value
    scale *= 0x80
  }
}

export const decodeZoneShapes = (bytes: Uint8Array): ZoneShapesTable => {
  const magic = new TextDecoder().decode(bytes.subarray(0, 4))
  if (magic !== MAGIC) throw new Error(`not a zone shapes file (magic ${JSON.stringify(magic)})`)
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header
  const treeAt = 8 + length
  const countsAt = treeAt + header.bytes.tree
  const coordsAt = countsAt + header.bytes.counts
  if (coordsAt + header.bytes.coords !== bytes.length) throw new Error('zone shapes truncated')
  return {
    source: header.source,
    zones: header.zones,
    unitsPerDegree: header.unitsPerDegree,
    nodes: decodeTree(varints(bytes, treeAt), header),
    ...decodeParts(varints(bytes, countsAt), header),
    coords: decodeCoords(bytes, coordsAt, header.counts.vertices),
  }
}

// Pre-order codes; an inner node's four children take the next four free slots.
function decodeTree(next: () => number, header: Header): Int32Array {
  const zoneCount = header.zones.length
  const nodes = new Int32Array(header.counts.nodes)
  const slots = [0]
  let free = 1
  let shape = 0
  for (let slot = slots.pop(); slot !== undefined; slot = slots.pop()) {
    const code = next()
    if (code === INNER_CODE) {
      nodes[slot] = free
      slots.push(free + 3, free + 2, free + 1, free)
      free += 4
    } else if (code === OCEAN_CODE) nodes[slot] = OCEAN_NODE
    else if (code === SHAPE_CODE) nodes[slot] = -2 - zoneCount - shape++
    else nodes[slot] = -2 - (code - ZONE_CODE)
  }
  if (free !== nodes.length || shape !== header.counts.shapes) throw new Error('bad zone tree')
  return nodes
}

// Per shape leaf: its part count and rest (0 the sea, else zone + 1); per part: its zone and ring
// count; per ring: its vertex count.
function decodeParts(next: () => number, header: Header) {
  const { shapes, parts, rings } = header.counts
  const firstPart = new Uint32Array(shapes + 1)
  const rest = new Int32Array(shapes)
  const partZone = new Uint16Array(parts)
  const firstRing = new Uint32Array(parts + 1)
  const firstVertex = new Uint32Array(rings + 1)
  let part = 0
  let ring = 0
  for (let s = 0; s < shapes; s++) {
    firstPart[s] = part
    const partCount = next()
    rest[s] = next() - 1
    for (let end = part + partCount; part < end; part++) {
      partZone[part] = next()
      firstRing[part] = ring
      for (let end = ring + next(); ring < end; ring++) {
        firstVertex[ring + 1] = (firstVertex[ring] as number) + next()
      }
    }
  }
  firstPart[shapes] = part
  firstRing[parts] = ring
  return { firstPart, rest, partZone, firstRing, firstVertex }
}

// Zigzag deltas from the vertex before, x then y; the varints read inline, as this is most of
// the load.
function decodeCoords(bytes: Uint8Array, at: number, vertices: number): Int32Array {
  const coords = new Int32Array(vertices * 2)
  const sums = [0, 0]
  for (let i = 0; i < coords.length; i++) {
    let delta = 0
    let shift = 0
    let byte = 0x80
    while (byte >= 0x80) {
      byte = bytes[at++] as number
      delta |= (byte & 0x7f) << shift
      shift += 7
    }
    const sum = (sums[i & 1] as number) + ((delta >>> 1) ^ -(delta & 1))
    sums[i & 1] = sum
    coords[i] = sum
  }
  return coords
}
