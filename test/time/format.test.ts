import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatIsoOffset, formatTimeOfDay, pad2 } from '../../src/time/format.ts'

test('offsets are written as ISO 8601 writes them, whole minutes, sign always', () => {
  assert.equal(formatIsoOffset(180), '+03:00')
  assert.equal(formatIsoOffset(0), '+00:00')
  assert.equal(formatIsoOffset(-210), '-03:30')
  assert.equal(formatIsoOffset(345), '+05:45')
  // Local mean time's seconds (Amsterdam's +00:19:32) are dropped, not rounded.
  assert.equal(formatIsoOffset(1172 / 60), '+00:19')
  assert.equal(formatIsoOffset(-17762 / 60), '-04:56')
})

test('times of day and two-digit fields are zero-padded', () => {
  assert.equal(pad2(7), '07')
  assert.equal(pad2(42), '42')
  assert.equal(formatTimeOfDay(0), '00:00:00')
  assert.equal(formatTimeOfDay(16 * 3600 + 20 * 60 + 31), '16:20:31')
  assert.equal(formatTimeOfDay(86_399), '23:59:59')
})
