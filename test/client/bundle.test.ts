import assert from 'node:assert/strict'
import { test } from 'node:test'
import { brotliCompressSync } from 'node:zlib'
import { bundleClient } from '../../scripts/client-bundle.ts'

test('the page’s script is one file within 10 KB brotli, for browsers of the last few years', async () => {
  const script = await bundleClient()
  const size = brotliCompressSync(script).length
  assert.ok(size <= 10_240, `${size} bytes brotli`)
  // No server code came along: the bundle reads only what the page gives it.
  assert.doesNotMatch(script.toString(), /node:|process\.env|require\(/)
})
