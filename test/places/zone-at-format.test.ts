import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { ShapeTree } from '../../scripts/zone-shapes/build-tree.ts'
import { encodeTree, quantize } from '../../scripts/zone-shapes/encode.ts'
import { createZoneShapes } from '../../src/places/zone-at.ts'
import { decodeZoneShapes } from '../../src/places/zone-shapes-format.ts'
import { childBounds, ROOT } from '../../src/places/zone-shapes-quadtree.ts'

const SOURCE = { geoTz: '0', boundaryBuilder: 'test', toleranceMetres: 0 }
const zoneLeaf = (zone: string): ShapeTree => ({ kind: 'zone', zone })
const square = (left: number, bottom: number, right: number, top: number) =>
  [
    [left, bottom],
    [right, bottom],
    [right, top],
    [left, top],
  ] as Array<[number, number]>

// NE: four zones a level down; NW: the sea; SW: a square with a hole, the rest Europe/Paris;
// SE: a triangle at sea.
const tree: ShapeTree = {
  kind: 'inner',
  children: [
    {
      kind: 'inner',
      children: ['Asia/Yekaterinburg', 'Europe/Moscow', 'Europe/Moscow', 'Asia/Omsk'].map(zoneLeaf),
    },
    { kind: 'ocean' },
    {
      kind: 'shape',
      parts: [
        {
          zone: 'Asia/Tokyo',
          polygons: [[square(-100, -50, -50, -10), square(-80, -40, -70, -30)]],
        },
      ],
      rest: 'Europe/Paris',
      bounds: childBounds(ROOT, 2),
    },
    {
      kind: 'shape',
      parts: [
        {
          zone: 'America/New_York',
          polygons: [[square(10, -40, 50, -10).slice(0, 3)]],
        },
      ],
      rest: undefined,
      bounds: childBounds(ROOT, 3),
    },
  ],
}

describe('the zone shapes file', () => {
  const bytes = encodeTree(tree, SOURCE, 10_000)
  const shapes = createZoneShapes(decodeZoneShapes(bytes))

  test('keeps the source and lists the zones, the most used first', () => {
    assert.deepEqual(shapes.source, SOURCE)
    assert.equal(shapes.zones[0], 'Europe/Moscow')
    assert.equal(shapes.zones.length, 6)
  })

  test('descends the quadtree as geo-tz splits it, children NE, NW, SW, SE', () => {
    assert.equal(shapes.zoneAt(60, 120), 'Asia/Yekaterinburg')
    assert.equal(shapes.zoneAt(60, 30), 'Europe/Moscow')
    assert.equal(shapes.zoneAt(10, 30), 'Europe/Moscow')
    assert.equal(shapes.zoneAt(10, 100), 'Asia/Omsk')
    assert.equal(shapes.zoneAt(30, -60), 'Etc/GMT+4')
  })

  test('tests a shape leaf by the even-odd rule, holes included, else its rest', () => {
    assert.equal(shapes.zoneAt(-20, -60), 'Asia/Tokyo')
    assert.equal(shapes.zoneAt(-35, -75), 'Europe/Paris', 'in the hole')
    assert.equal(shapes.zoneAt(-60, -120), 'Europe/Paris')
    assert.equal(shapes.zoneAt(-35, 40), 'America/New_York')
    assert.equal(shapes.zoneAt(-15, 30), 'Etc/GMT-2', 'beside the triangle')
    assert.equal(shapes.zoneAt(-60, 100), 'Etc/GMT-7', 'a rest of the sea goes by longitude')
  })

  test('rounds a vertex on the cell edge outwards, so the cell stays covered to its edge', () => {
    const b = childBounds(ROOT, 3)
    const ring = square(b.left, b.bottom, b.right, b.top)
    assert.deepEqual(quantize(ring, b, 10), [
      [
        [0, -900],
        [1800, -900],
        [1800, 0],
        [0, 0],
      ],
    ])
    assert.deepEqual(
      quantize(
        [
          [1.01, -1.01],
          [1.04, -1.01],
          [1.06, -1.01],
        ],
        b,
        10,
      ),
      undefined,
      'fewer than three distinct vertices once rounded',
    )
  })
})
