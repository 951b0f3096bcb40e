import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp } from '../helpers.ts'

test('a request line is logged with the names in its query string, never their values', async (t) => {
  const lines: string[] = []
  const app = buildTestApp({}, { logStream: { write: (line) => lines.push(line) } })
  t.after(() => app.close())
  await app.inject('/api/timezone/UTC?token=s3cret&lang=ru&flag')
  const [entry] = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request')
  assert.equal(entry?.url, '/api/timezone/UTC?token&lang&flag')
  assert.ok(!lines.join('').includes('s3cret'))
})
