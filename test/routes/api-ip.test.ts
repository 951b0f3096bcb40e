import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { buildTestApp } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())

const zoneOf = async (path: string, env: Record<string, string> = {}) => {
  const local = Object.keys(env).length > 0 ? buildTestApp(env) : app
  const res = await local.inject(path)
  if (local !== app) await local.close()
  return res
}

describe('GET /api/ip/{ip}', () => {
  test('IPv4 and IPv6 addresses answer the time in their zone', async () => {
    for (const [address, zone, canonical] of [
      ['77.88.8.8', 'Europe/Moscow', '77.88.8.8'],
      // Echoed in RFC 5952's form, whatever the spelling asked.
      ['2A02:6B8:0::FEED:0FF', 'Europe/Moscow', '2a02:6b8::feed:ff'],
    ] as const) {
      const res = await zoneOf(`/api/ip/${address}`)
      assert.equal(res.statusCode, 200, address)
      assert.equal(res.json().timezone, zone, address)
      assert.equal(res.json().client_ip, canonical)
    }
  })

  test('an IPv4-mapped IPv6 address is its IPv4 address', async () => {
    const mapped = (await zoneOf('/api/ip/::ffff:77.88.8.8')).json()
    const plain = (await zoneOf('/api/ip/77.88.8.8')).json()
    assert.equal(mapped.client_ip, '77.88.8.8')
    assert.equal(mapped.timezone, plain.timezone)
  })

  test('a malformed address is a 400, never a 5xx, whatever the bytes', async () => {
    for (const bad of [
      '999.1.1.1',
      '1.2.3',
      'abc',
      '1.2.3.4.5',
      '%00',
      '%ff%fe',
      'x'.repeat(5000),
      '::ffff:999.1.1.1',
      '1.1.1.1%2F24',
      // A zone id names the sender's own interface; it would echo any text.
      'fe80::1%25eth0',
      `fe80::1%25${'A'.repeat(90)}`,
      '..%2F..%2Fetc',
      '%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0',
      '1.1.1.1/extra',
    ]) {
      const res = await zoneOf(`/api/ip/${bad}`)
      assert.ok(res.statusCode === 400, `${bad.slice(0, 40)}: ${res.statusCode}`)
      if (res.headers['content-type']?.startsWith('application/json')) {
        assert.ok(['malformed ip', 'bad request'].includes(res.json().error), bad.slice(0, 40))
      }
    }
    assert.equal((await zoneOf('/api/ip/1.2.3')).body, '{"error":"malformed ip"}')
  })
})

describe('addresses with no location', () => {
  for (const address of [
    '127.0.0.1',
    '10.1.2.3',
    '192.168.1.10',
    '100.64.0.1',
    '169.254.1.1',
    '203.0.113.7',
    '::1',
    'fd00::1',
    'fe80::1',
  ]) {
    test(`${address} gets IP_FALLBACK_ZONE, by default TIME_ZONE`, async () => {
      assert.equal((await zoneOf(`/api/ip/${address}`)).json().timezone, 'Europe/Moscow')
      const tokyo = await zoneOf(`/api/ip/${address}`, { TIME_ZONE: 'Asia/Tokyo' })
      assert.equal(tokyo.json().timezone, 'Asia/Tokyo')
      const chosen = await zoneOf(`/api/ip/${address}`, { IP_FALLBACK_ZONE: 'America/Havana' })
      assert.equal(chosen.json().timezone, 'America/Havana')
    })
  }

  test('IP_FALLBACK_ZONE=none makes them a 404 unknown location', async () => {
    const res = await zoneOf('/api/ip/10.1.2.3', { IP_FALLBACK_ZONE: 'none' })
    assert.equal(res.statusCode, 404)
    assert.equal(res.body, '{"error":"unknown location"}')
    const text = await zoneOf('/api/ip/10.1.2.3.txt', { IP_FALLBACK_ZONE: 'none' })
    assert.equal(text.body, 'Error: unknown location')
  })
})

describe('GET /api/ip', () => {
  test("answers for the caller's own address", async () => {
    const res = await zoneOf('/api/ip')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().client_ip, '127.0.0.1')
    assert.equal(res.json().timezone, 'Europe/Moscow')
  })

  test('through a trusted proxy, the forwarded address is looked up', async () => {
    const proxied = buildTestApp({ TRUST_PROXY: 'on' })
    const res = await proxied.inject({
      url: '/api/ip',
      headers: { 'x-forwarded-for': '77.88.8.8' },
    })
    assert.equal(res.json().client_ip, '77.88.8.8')
    assert.equal(res.json().timezone, 'Europe/Moscow')
    const forged = await proxied.inject({
      url: '/api/ip',
      headers: { 'x-forwarded-for': 'garbage' },
    })
    assert.equal(forged.statusCode, 200)
    assert.equal(forged.json().client_ip, '127.0.0.1')
    await proxied.close()
  })

  test('the text variant is the same object, one key: value a line', async () => {
    const json = (await zoneOf('/api/ip')).json()
    const text = (await zoneOf('/api/ip.txt')).body
    assert.equal(
      text,
      Object.entries(json)
        .map(([key, value]) => `${key}: ${value ?? ''}`)
        .join('\n'),
    )
  })
})
