import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseIp } from '../../src/ip/ip-address.ts'
import { formatIp } from '../../src/ip/ip-format.ts'

const canonical = (text: string) => {
  const address = parseIp(text)
  assert.ok(address, text)
  return formatIp(address)
}

test('IPv6 in RFC 5952 form: lower case, no leading zeros, the longest zero run as ::', () => {
  const cases: Array<[string, string]> = [
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    // One zero group is never shortened (§4.2.2).
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['FE80::ABCD:0:0:1', 'fe80::abcd:0:0:1'],
  ]
  for (const [text, expected] of cases) assert.equal(canonical(text), expected, text)
})

test('IPv4, and IPv6 that carries IPv4, as dotted IPv4', () => {
  assert.equal(canonical('77.88.8.8'), '77.88.8.8')
  assert.equal(canonical('::ffff:77.88.8.8'), '77.88.8.8')
  assert.equal(canonical('::FFFF:4d58:808'), '77.88.8.8')
})

test('whatever the spelling, an address has one form', () => {
  for (const text of ['2a02:6b8::feed:ff', '2A02:06B8:0:0:0:0:FEED:00FF', '2a02:6b8:0::0:feed:ff'])
    assert.equal(canonical(text), '2a02:6b8::feed:ff', text)
})
