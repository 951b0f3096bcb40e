import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createPageCache } from '../../src/render/page-cache.ts'

test('a page is rendered once a second, each answer carrying its own instant', () => {
  let now = Temporal.Instant.from('2026-11-27T13:20:31.100Z')
  const cache = createPageCache(() => now)
  const rendered: string[] = []
  const render = (at: Temporal.Instant) => {
    rendered.push(at.toString())
    return `<html data-ms="${at.epochMilliseconds}"><p>${at.toString()}</p></html>`
  }
  const first = cache.page('en /', render)
  now = Temporal.Instant.from('2026-11-27T13:20:31.900Z')
  const second = cache.page('en /', render)
  assert.deepEqual(rendered, ['2026-11-27T13:20:31Z'])
  assert.equal(first, '<html data-ms="1795785631100"><p>2026-11-27T13:20:31Z</p></html>')
  assert.equal(second, '<html data-ms="1795785631900"><p>2026-11-27T13:20:31Z</p></html>')
  now = Temporal.Instant.from('2026-11-27T13:20:32.005Z')
  assert.match(cache.page('en /', render), /data-ms="1795785632005"><p>2026-11-27T13:20:32Z/)
  assert.equal(rendered.length, 2)
  // Another page, another language: each its own.
  cache.page('ru /', render)
  assert.equal(rendered.length, 3)
})

test('a page without its instant where expected is sent as made, never cached', () => {
  const cache = createPageCache(() => Temporal.Instant.from('2026-11-27T13:20:31.100Z'))
  let calls = 0
  const render = () => {
    calls += 1
    return '<html>no instant</html>'
  }
  assert.equal(cache.page('k', render), '<html>no instant</html>')
  cache.page('k', render)
  assert.equal(calls, 2)
})
