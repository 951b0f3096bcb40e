import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, describe, test } from 'node:test'
import { createMetrics } from '../../src/http/metrics.ts'
import { createMetricsServer } from '../../src/http/metrics-server.ts'
import { SERVER_LIMITS } from '../../src/server-limits.ts'
import { exchange, startServer } from '../faults/server.ts'
import { buildTestApp } from '../helpers.ts'

const scrape = async (metrics: ReturnType<typeof createMetrics>) => metrics.registry.metrics()

describe('metrics', () => {
  test('are not served on the public port', async () => {
    const app = buildTestApp()
    after(() => app.close())
    const res = await app.inject('/metrics')
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /process_cpu|nodejs_/)
  })

  test('count answers by route pattern, never by raw URL, and name the tzdb release', async () => {
    const metrics = createMetrics({ tzdbVersion: '2099z' })
    const app = buildTestApp({}, { metrics })
    await app.inject('/api/timezone/Europe/Moscow')
    await app.inject('/api/timezone/Asia/Tokyo')
    await app.inject('/no/such/page')
    await app.inject('/api/timezone/%E0%A4%A')
    const text = await scrape(metrics)
    assert.match(
      text,
      /http_requests_total\{method="GET",route="\/api\/timezone\/\*",status_code="200"\} 2/,
    )
    // Every GET path may be a zone's page: the page route's pattern, never the path itself.
    assert.match(text, /http_requests_total\{method="GET",route="\/\*",status_code="404"\} 1/)
    assert.doesNotMatch(text, /no\/such\/page/)
    assert.match(text, /http_requests_total\{method="GET",route="[^"]*",status_code="400"\} 1/)
    assert.match(text, /^tzdb_info\{version="2099z"\} 1$/m)
    await app.close()
  })

  test('odd methods share one label, so they cannot grow the series', async () => {
    const metrics = createMetrics({ tzdbVersion: 'x' })
    const app = buildTestApp({}, { metrics })
    for (const method of ['PROPFIND', 'MKCOL', 'LOCK', 'UNLOCK', 'TRACE', 'COPY']) {
      await app.inject({ method: method as 'GET', url: '/' })
    }
    const text = await scrape(metrics)
    assert.match(text, /http_requests_total\{method="OTHER",route="[^"]*",status_code="405"\} 6/)
    assert.doesNotMatch(text, /PROPFIND|MKCOL/)
    await app.close()
  })

  test("count the parser's own 400, 408 and 431 answers as malformed", async () => {
    const metrics = createMetrics({ tzdbVersion: 'x' })
    const server = await startServer({ maxHeaderSize: 1024 }, { metrics })
    after(() => server.app.close())
    await exchange(server.port, 'GARBAGE\r\n\r\n')
    await exchange(server.port, `GET / HTTP/1.1\r\nHost: a\r\nX: ${'a'.repeat(4096)}\r\n\r\n`)
    const text = await scrape(metrics)
    assert.match(
      text,
      /http_requests_total\{method="OTHER",route="malformed",status_code="400"\} 1/,
    )
    assert.match(
      text,
      /http_requests_total\{method="OTHER",route="malformed",status_code="431"\} 1/,
    )
  })

  test('are served on their own listener, GET /metrics only', async () => {
    const metrics = createMetrics({ tzdbVersion: '2026f' })
    const server = createMetricsServer(metrics, SERVER_LIMITS)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    after(() => server.close())
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const res = await fetch(`${base}/metrics`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    assert.match(await res.text(), /^tzdb_info\{version="2026f"\} 1$/m)
    assert.equal((await fetch(`${base}/`)).status, 404)
    assert.equal((await fetch(`${base}/metrics`, { method: 'POST' })).status, 405)
  })
})
