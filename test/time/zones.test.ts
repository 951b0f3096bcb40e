import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createZoneRegistry } from '../../src/time/zones.ts'

const zones = createZoneRegistry()

test('resolves zones and aliases in any case to tzdb’s spelling', () => {
  assert.equal(zones.resolve('europe/moscow'), 'Europe/Moscow')
  assert.equal(zones.resolve('US/EASTERN'), 'US/Eastern')
  assert.equal(zones.resolve('Mars/Base'), undefined)
  assert.equal(zones.resolve(`Europe/${'x'.repeat(100)}`), undefined)
  assert.equal(zones.resolve('Factory'), undefined)
})

test('the listed zone of a name is the name itself, or the zone its alias points to', () => {
  assert.equal(zones.listed('europe/london'), 'Europe/London')
  assert.equal(zones.listed('Europe/Belfast'), 'Europe/London')
  assert.equal(zones.listed('US/Eastern'), 'America/New_York')
  assert.equal(zones.listed('Mars/Base'), undefined)
  for (const name of zones.names) assert.equal(zones.listed(name), name)
})

test('areas list their zones in any case', () => {
  assert.ok(zones.inArea('europe')?.includes('Europe/Moscow'))
  assert.equal(zones.inArea('Mars'), undefined)
})
