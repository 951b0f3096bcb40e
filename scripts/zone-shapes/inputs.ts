// The generator's pinned inputs: geo-tz's polygons (its full data set, as the IP table uses) and
// the libraries that read, simplify and clip them, installed into this folder on demand.
import { readFileSync } from 'node:fs'
import { installPinnedInputs } from '../pinned-inputs.ts'

export type Point = [x: number, y: number]
/** A feature of one geo-tz cell: a zone's polygons, clipped to the cell. */
export type CellFeature = { tzid: string; polygons: Point[][][] }
/** geo-tz's index: a node is an inner node (a-d), a leaf of zones, or a cell of features. */
export type GeoTzNode = { [quadrant: string]: GeoTzNode } | number[] | { pos: number; len: number }
export type Inputs = {
  versions: Record<string, string>
  /** geo-tz's answers at a point, its first the one the service takes. */
  find: (lat: number, lon: number) => string[]
  index: { timezones: string[]; lookup: GeoTzNode }
  readCell: (pos: number, len: number) => CellFeature[]
  simplify: (
    points: Array<{ x: number; y: number }>,
    tolerance: number,
    best: boolean,
  ) => typeof points
  clipPolygon: (points: Point[], box: [number, number, number, number]) => Point[]
}

const DIR = new URL('./', import.meta.url)
// geo-tz 8's full data set: one zone per country at least, as scripts/generate-ip-zones.ts uses.
const DATA = 'geo-tz/data/timezones.geojson'

export async function loadInputs(): Promise<Inputs> {
  const { require, versions } = installPinnedInputs(DIR)
  const geobuf = require('geobuf') as { decode: (pbf: unknown) => FeatureCollection }
  const Pbf = require('pbf') as new (bytes: Uint8Array) => unknown
  const data = readFileSync(new URL(`node_modules/${DATA}.geo.dat`, DIR))
  const index = JSON.parse(readFileSync(new URL(`node_modules/${DATA}.index.json`, DIR), 'utf8'))
  const { clipPolygon } = (await import(
    new URL('node_modules/lineclip/index.js', DIR).href
  )) as Pick<Inputs, 'clipPolygon'>
  const readCell = (pos: number, len: number) =>
    geobuf.decode(new Pbf(data.subarray(pos, pos + len))).features.map((f) => ({
      tzid: f.properties.tzid,
      polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    }))
  return {
    versions,
    find: (require('geo-tz/all') as Pick<Inputs, 'find'>).find,
    index,
    readCell,
    simplify: require('simplify-js') as Inputs['simplify'],
    clipPolygon,
  }
}

type FeatureCollection = {
  features: Array<{
    properties: { tzid: string }
    geometry:
      | { type: 'Polygon'; coordinates: Point[][] }
      | { type: 'MultiPolygon'; coordinates: Point[][][] }
  }>
}
