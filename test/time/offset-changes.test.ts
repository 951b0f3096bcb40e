import assert from 'node:assert/strict'
import { test } from 'node:test'
import { lastOffsetChange, offsetChangesBetween } from '../../src/time/offset-changes.ts'

const seconds = (iso: string) => Date.parse(iso) / 1000
const iso = (s: number) => new Date(s * 1000).toISOString()

test('London: forward to BST in March, back to GMT in October', () => {
  const changes = offsetChangesBetween(
    'Europe/London',
    seconds('2027-01-01T00:00:00Z'),
    seconds('2028-01-01T00:00:00Z'),
  )
  assert.deepEqual(
    changes.map((c) => [iso(c.at), c.fromOffset, c.offset, c.abbreviation]),
    [
      ['2027-03-28T01:00:00.000Z', 0, 3600, 'BST'],
      ['2027-10-31T01:00:00.000Z', 3600, 0, 'GMT'],
    ],
  )
})

test('Moscow: no change since 2014-10-26, and none ahead', () => {
  const now = seconds('2026-11-28T12:00:00Z')
  assert.equal(iso(lastOffsetChange('Europe/Moscow', now) ?? 0), '2014-10-25T22:00:00.000Z')
  assert.deepEqual(offsetChangesBetween('Europe/Moscow', now, now + 10 * 365 * 86_400), [])
})

test('a rename without a new offset is no clock change (Vancouver, PDT to MST, 2026-11-01)', () => {
  const now = seconds('2027-01-01T00:00:00Z')
  const last = lastOffsetChange('America/Vancouver', now)
  assert.ok(last !== null && last < seconds('2026-11-01T00:00:00Z'), iso(last ?? 0))
})

test('a zone whose offset never changed since 1970 has no last change', () => {
  assert.equal(lastOffsetChange('Etc/UTC', seconds('2026-11-28T12:00:00Z')), null)
})
