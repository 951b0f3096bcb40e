import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { systemOf } from '../../src/client/system.ts'

describe('systemOf: how to fix it, by system', () => {
  test('reads the user agent', () => {
    const agents: Array<[string, string]> = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'windows'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)', 'macos'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)', 'ios'],
      ['Mozilla/5.0 (Linux; Android 15; Pixel 9)', 'android'],
      ['Mozilla/5.0 (X11; Linux x86_64)', 'linux'],
      ['curl/8', 'other'],
    ]
    for (const [agent, system] of agents) assert.equal(systemOf(agent), system, agent)
  })
})
