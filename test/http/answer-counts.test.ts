import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createMetrics } from '../../src/http/metrics.ts'

test('answers are exposed as prom-client would: a counter, and cumulative histogram buckets with sum and count', async () => {
  const metrics = createMetrics({ tzdbVersion: '2026f' })
  metrics.observe('GET', '/api/timezone/*', 200, 0.0004)
  metrics.observe('GET', '/api/timezone/*', 200, 0.003)
  metrics.observe('GET', '/api/timezone/*', 200, 9)
  metrics.observe('PROPFIND', '/', 405, 0.0001)
  const text = await metrics.registry.metrics()
  const labels = 'method="GET",route="/api/timezone/*",status_code="200"'
  assert.match(text, new RegExp(`^http_requests_total\\{${quoted(labels)}\\} 3$`, 'm'))
  assert.match(text, /^http_requests_total\{method="OTHER",route="\/",status_code="405"\} 1$/m)
  const bucket = (le: string) =>
    Number(
      new RegExp(
        `^http_request_duration_seconds_bucket\\{le="${le}",${quoted(labels)}\\} (\\d+)$`,
        'm',
      ).exec(text)?.[1],
    )
  assert.equal(bucket('0.0005'), 1)
  assert.equal(bucket('0.0025'), 1)
  assert.equal(bucket('0.005'), 2)
  assert.equal(bucket('2.5'), 2)
  assert.equal(bucket('\\+Inf'), 3)
  assert.match(
    text,
    new RegExp(`^http_request_duration_seconds_count\\{${quoted(labels)}\\} 3$`, 'm'),
  )
  const sum = Number(
    new RegExp(`^http_request_duration_seconds_sum\\{${quoted(labels)}\\} (\\S+)$`, 'm').exec(
      text,
    )?.[1],
  )
  assert.ok(Math.abs(sum - 9.0034) < 1e-9, String(sum))
  assert.match(text, /^# TYPE http_request_duration_seconds histogram$/m)
})

const quoted = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
