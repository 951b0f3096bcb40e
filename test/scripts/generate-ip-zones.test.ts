import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { toAddress } from '../../scripts/ip-zones/addresses.ts'
import { type Network, walkNetworks } from '../../scripts/ip-zones/mmdb-tree.ts'
import { mergeRanges, type Range, type ZonedNetwork } from '../../scripts/ip-zones/ranges.ts'
import { buildTable } from '../../scripts/ip-zones/table.ts'
import { classifyIp } from '../../src/ip/ip-address.ts'
import { createIpZones, zoneIndexAt } from '../../src/ip/ip-zones.ts'
import { decodeIpZones, encodeIpZones } from '../../src/ip/ip-zones-file.ts'
import { type IpZonesSource, NO_ZONE, RARE_CODE } from '../../src/ip/ip-zones-table.ts'

const SOURCE: IpZonesSource = { package: 'test', version: '0', built: '2026-01-01', geoTz: '0' }

// A seeded generator (mulberry32), so a failure can be replayed.
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
}
const randomBits = (next: () => number, bits: number): bigint => {
  let value = 0n
  for (let i = 0; i < bits; i += 16) value = (value << 16n) | BigInt(Math.floor(next() * 0x10000))
  return value >> BigInt(Math.ceil(bits / 16) * 16 - bits)
}

const v4 = (text: string): bigint =>
  text.split('.').reduce((value, octet) => (value << 8n) | BigInt(octet), 0n)
const v6 = (text: string): bigint => {
  const [head = '', tail = ''] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
  return groups.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n)
}

/**
 * An MMDB search tree (MaxMind DB 2.0) holding the given networks, each pointing at its data
 * offset; what is not listed is empty (record = node count).
 */
const writeSearchTree = (networks: Network[], recordSize: 24 | 28 | 32, bitLength: 32 | 128) => {
  type Child = number | { dataOffset: number } | undefined
  const nodes: Array<[Child, Child]> = [[undefined, undefined]]
  for (const { start, prefixLength, dataOffset } of networks) {
    let node = 0
    for (let depth = 0; depth < prefixLength; depth++) {
      const bit = Number((start >> BigInt(bitLength - depth - 1)) & 1n) as 0 | 1
      const pair = nodes[node] as [Child, Child]
      if (depth === prefixLength - 1) pair[bit] = { dataOffset }
      else {
        if (typeof pair[bit] !== 'number') {
          pair[bit] = nodes.length
          nodes.push([undefined, undefined])
        }
        node = pair[bit] as number
      }
    }
  }
  const nodeCount = nodes.length
  const value = (child: Child) =>
    child === undefined
      ? nodeCount
      : typeof child === 'number'
        ? child
        : nodeCount + 16 + child.dataOffset
  const nodeBytes = recordSize / 4
  const tree = new Uint8Array(nodeCount * nodeBytes)
  const put = (at: number, v: number, bytes: number) => {
    for (let i = 0; i < bytes; i++) tree[at + i] = Math.floor(v / 256 ** (bytes - 1 - i)) % 256
  }
  nodes.forEach(([left, right], n) => {
    const at = n * nodeBytes
    const [l, r] = [value(left), value(right)]
    if (recordSize === 28) {
      put(at, l % 2 ** 24, 3)
      tree[at + 3] = (Math.floor(l / 2 ** 24) << 4) | Math.floor(r / 2 ** 24)
      put(at + 4, r % 2 ** 24, 3)
    } else {
      put(at, l, nodeBytes / 2)
      put(at + nodeBytes / 2, r, nodeBytes / 2)
    }
  })
  return { tree, nodeCount, recordSize, bitLength }
}

const sortByStart = <T extends { start: bigint }>(list: T[]) =>
  [...list].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))

describe('walkNetworks', () => {
  const v4Networks: Network[] = [
    { start: v4('77.88.0.0'), prefixLength: 18, dataOffset: 7 },
    { start: v4('1.1.1.0'), prefixLength: 24, dataOffset: 0 },
    { start: v4('1.1.2.255'), prefixLength: 32, dataOffset: 3 },
    { start: v4('128.0.0.0'), prefixLength: 1, dataOffset: 120 },
  ]
  const v6Networks: Network[] = [
    { start: v6('2a02:6b8::'), prefixLength: 29, dataOffset: 1 },
    { start: v6('2001:268:770a:1dc7:5e00::'), prefixLength: 71, dataOffset: 2 },
    { start: v6('2001:db8::ffff'), prefixLength: 128, dataOffset: 3 },
    { start: v6('2001:db8::fffc'), prefixLength: 127, dataOffset: 4 },
  ]
  for (const recordSize of [24, 28, 32] as const) {
    test(`finds every IPv4 and IPv6 network in address order, ${recordSize}-bit records`, () => {
      // Offsets past 2^24 need the 28- and 32-bit forms' extra bits.
      const big = recordSize === 24 ? 0 : 0x5abcdef
      for (const [networks, bitLength] of [
        [v4Networks, 32],
        [v6Networks, 128],
      ] as const) {
        const withBig = networks.map((n) => ({ ...n, dataOffset: n.dataOffset + big }))
        const walked = [...walkNetworks(writeSearchTree(withBig, recordSize, bitLength))]
        assert.deepEqual(walked, sortByStart(withBig))
      }
    })
  }

  test('finds random networks as they were written', () => {
    const next = random(7)
    const networks: Network[] = []
    const taken = new Set<string>()
    while (networks.length < 300) {
      const prefixLength = 1 + Math.floor(next() * 128)
      const start =
        (randomBits(next, 128) >> BigInt(128 - prefixLength)) << BigInt(128 - prefixLength)
      // Networks must not nest: skip one under or over a network already taken.
      const bits = start.toString(2).padStart(128, '0').slice(0, prefixLength)
      if ([...taken].some((other) => other.startsWith(bits) || bits.startsWith(other))) continue
      taken.add(bits)
      networks.push({ start, prefixLength, dataOffset: networks.length })
    }
    const walked = [...walkNetworks(writeSearchTree(networks, 28, 128))]
    assert.deepEqual(walked, sortByStart(networks))
  })
})

describe('mergeRanges', () => {
  const net = (start: bigint, prefixLength: number, zone: string | undefined): ZonedNetwork => ({
    start,
    prefixLength,
    zone,
  })

  test('joins neighbours of one zone and leaves the addresses between networks no zone', () => {
    const ranges = mergeRanges(
      [
        net(v4('1.0.0.0'), 24, 'Europe/Moscow'),
        net(v4('1.0.1.0'), 24, 'Europe/Moscow'),
        net(v4('1.0.2.0'), 23, 'Asia/Tokyo'),
        net(v4('1.0.8.0'), 24, 'Asia/Tokyo'),
      ],
      32,
    )
    assert.deepEqual(ranges, [
      { start: 0n, zone: undefined },
      { start: v4('1.0.0.0'), zone: 'Europe/Moscow' },
      { start: v4('1.0.2.0'), zone: 'Asia/Tokyo' },
      { start: v4('1.0.4.0'), zone: undefined },
      { start: v4('1.0.8.0'), zone: 'Asia/Tokyo' },
      { start: v4('1.0.9.0'), zone: undefined },
    ])
  })

  test('a network without a zone joins the gaps around it', () => {
    const ranges = mergeRanges(
      [
        net(v4('0.0.0.0'), 2, 'UTC'),
        net(v4('64.0.0.0'), 2, undefined),
        net(v4('192.0.0.0'), 2, 'UTC'),
      ],
      32,
    )
    assert.deepEqual(ranges, [
      { start: 0n, zone: 'UTC' },
      { start: v4('64.0.0.0'), zone: undefined },
      { start: v4('192.0.0.0'), zone: 'UTC' },
    ])
  })

  test('covers the whole IPv6 space, to its last address', () => {
    const ranges = mergeRanges(
      [net(v6('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), 128, 'UTC')],
      128,
    )
    assert.deepEqual(ranges, [
      { start: 0n, zone: undefined },
      { start: (1n << 128n) - 1n, zone: 'UTC' },
    ])
  })

  test('refuses networks out of order or overlapping', () => {
    assert.throws(() =>
      mergeRanges([net(v4('2.0.0.0'), 8, 'UTC'), net(v4('1.0.0.0'), 8, 'UTC')], 32),
    )
    assert.throws(() =>
      mergeRanges([net(v4('2.0.0.0'), 7, 'UTC'), net(v4('3.0.0.0'), 8, 'UTC')], 32),
    )
  })
})

describe('buildTable, encode and decode', () => {
  // Random partitions of both spaces over 300 zones (more than a byte's codes) and gaps, with
  // IPv6 starts on /48s, inside /48s and single addresses, against a linear scan of the ranges.
  const next = random(2026)
  const pool = Array.from({ length: 300 }, (_, i) => `Zone/${String(i).padStart(3, '0')}`)
  const zone = () => (next() < 0.05 ? undefined : pool[Math.floor(next() ** 3 * pool.length)])
  const partition = (count: number, startOf: () => bigint): Range[] => {
    const starts = new Set<bigint>([0n])
    while (starts.size < count) starts.add(startOf())
    return [...starts].sort((a, b) => (a < b ? -1 : 1)).map((start) => ({ start, zone: zone() }))
  }
  const v4Ranges = partition(3000, () => randomBits(next, 32))
  const v6Ranges = partition(3000, () => {
    const kind = next()
    const block = randomBits(next, 16) | 0x2a02_0000_0000n
    if (kind < 0.5) return block << 80n
    // A few /48s with many starts inside: what makes them SPLIT.
    const crowded = (BigInt(Math.floor(next() * 20)) | 0x2a02_0000_0000n) << 80n
    return kind < 0.8 ? crowded | randomBits(next, 80) : crowded | (randomBits(next, 16) << 64n)
  })
  const table = buildTable(v4Ranges, v6Ranges, SOURCE)
  const bytes = encodeIpZones(table)
  const zones = createIpZones(decodeIpZones(bytes))

  const zoneAt = (ranges: Range[], address: bigint) => {
    let found: Range | undefined
    for (const range of ranges) if (range.start <= address) found = range
    return found?.zone
  }
  const expectAt = (ranges: Range[], address: bigint, bitLength: 32 | 128) => {
    const parsed = toAddress(address, bitLength)
    const wanted = classifyIp(parsed) ? undefined : zoneAt(ranges, address)
    assert.equal(zones.lookupParsed(parsed), wanted, `at ${address.toString(16)}`)
  }

  test('every range answers its own zone at its first and last address and just outside', () => {
    for (const [ranges, bitLength] of [
      [v4Ranges, 32],
      [v6Ranges, 128],
    ] as const) {
      const top = (1n << BigInt(bitLength)) - 1n
      ranges.forEach((range, i) => {
        const end = (ranges[i + 1]?.start ?? top + 1n) - 1n
        for (const address of [range.start, end, range.start - 1n, end + 1n]) {
          if (address >= 0n && address <= top) expectAt(ranges, address, bitLength)
        }
      })
    }
  })

  test('random addresses answer as the ranges say', () => {
    const top = (1n << 128n) - 1n
    for (let i = 0; i < 3000; i++) {
      expectAt(v4Ranges, randomBits(next, 32), 32)
      // Near range starts, where IPv6 is dense; anywhere would nearly always miss them.
      const near = v6Ranges[Math.floor(next() * v6Ranges.length)]?.start ?? 0n
      const address = near + randomBits(next, 1 + Math.floor(next() * 90))
      expectAt(v6Ranges, address > top ? top : address, 128)
    }
  })

  test('split /48s and rare zones are both exercised', () => {
    assert.ok(table.v6Fine.zones.length > 0)
    assert.ok(table.v4.rareAt.length > 0 && table.v6.rareAt.length > 0)
    for (const ranges of [table.v4, table.v6]) {
      for (const at of ranges.rareAt) {
        assert.equal(ranges.codes[at], RARE_CODE)
        assert.ok(zoneIndexAt(ranges, at) < table.zones.length)
      }
    }
  })

  test('lists each zone once, the most used first, and no zone as NO_ZONE', () => {
    assert.deepEqual([...table.zones].sort(), [...new Set(table.zones)].sort())
    const v4Uses = (name: string) => v4Ranges.filter((r) => r.zone === name).length
    assert.ok(v4Uses(table.zones[0] as string) >= v4Uses(table.zones.at(-1) as string))
    const gap = v4Ranges.findIndex((r) => r.zone === undefined)
    assert.equal(zoneIndexAt(table.v4, gap), NO_ZONE)
  })

  test('decodes what it encodes, from any byte offset', () => {
    assert.deepEqual(decodeIpZones(bytes), table)
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    assert.deepEqual(decodeIpZones(shifted.subarray(1)), table)
  })

  test('refuses to encode arrays whose lengths disagree with each other', () => {
    const short = { ...table, v4: { ...table.v4, firsts: table.v4.firsts.subarray(1) } }
    assert.throws(() => encodeIpZones(short), /v4\.firsts/)
  })

  test('refuses a truncated table and a file that is not one', () => {
    assert.throws(() => decodeIpZones(bytes.subarray(0, bytes.length - 1)), /truncated/)
    assert.throws(
      () => decodeIpZones(new TextEncoder().encode('GIF89a and so on')),
      /not an ip-zones/,
    )
    assert.throws(() => decodeIpZones(new Uint8Array(0)), /not an ip-zones/)
  })
})
