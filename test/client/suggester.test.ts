import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createSuggester, type FetchJson } from '../../src/client/suggester.ts'
import type { Suggestion } from '../../src/page-contract/search.ts'
import { manualTimers, settle } from './manual-timers.ts'

const DELAY = 150
const answerFor = (query: string) => [
  { name: `${query} One`, region: 'Region', country_name: 'Country', page: `/city/${query}_One` },
]

/** A fetch whose answers the test releases by hand, and which honours aborts as browsers do. */
const setUp = () => {
  const clock = manualTimers()
  const asked: Array<{ url: string; signal: AbortSignal; release: () => void; fail: () => void }> =
    []
  const fetch: FetchJson = (url, { signal }) =>
    new Promise((resolve, reject) => {
      const query = new URL(url, 'http://x').searchParams.get('q') ?? ''
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      asked.push({
        url,
        signal,
        release: () => resolve({ ok: true, json: async () => answerFor(query) }),
        fail: () => resolve({ ok: false, json: async () => ({ error: 'bad' }) }),
      })
    })
  const shown: Suggestion[][] = []
  const suggester = createSuggester({
    fetch,
    timers: clock.timers,
    delayMs: DELAY,
    urlOf: (query) => `/api/places?q=${encodeURIComponent(query)}&lang=en&limit=8`,
    show: (items) => shown.push(items),
  })
  return { clock, asked, shown, suggester }
}

describe('suggestions as the visitor types', () => {
  test('asks once typing pauses, not per letter', async () => {
    const { clock, asked, shown, suggester } = setUp()
    for (const text of ['K', 'Ka', 'Kaz']) {
      suggester.ask(text)
      await clock.advance(DELAY - 50)
    }
    assert.equal(asked.length, 0)
    await clock.advance(50)
    assert.deepEqual(
      asked.map((a) => a.url),
      ['/api/places?q=Kaz&lang=en&limit=8'],
    )
    asked[0]?.release()
    await settle()
    assert.deepEqual(shown, [
      [{ name: 'Kaz One', where: 'Region, Country', page: '/city/Kaz_One' }],
    ])
  })

  test('a newer query aborts the request under way; the older answer is never shown', async () => {
    const { clock, asked, shown, suggester } = setUp()
    suggester.ask('Ka')
    await clock.advance(DELAY)
    suggester.ask('Kaz')
    assert.equal(asked[0]?.signal.aborted, true)
    await clock.advance(DELAY)
    asked[1]?.release()
    await settle()
    assert.deepEqual(
      shown.map((items) => items[0]?.name),
      ['Kaz One'],
    )
  })

  test('an answer that arrives after a newer question is dropped even if not aborted in time', async () => {
    const { clock, asked, shown, suggester } = setUp()
    suggester.ask('Ka')
    await clock.advance(DELAY)
    const first = asked[0]
    suggester.ask('Kaz')
    first?.release()
    await settle()
    assert.deepEqual(shown, [])
  })

  test('an empty field shows nothing at once and asks nothing; a failed request shows nothing', async () => {
    const { clock, asked, shown, suggester } = setUp()
    suggester.ask('  ')
    assert.deepEqual(shown, [[]])
    await clock.advance(DELAY * 2)
    assert.equal(asked.length, 0)
    suggester.ask('Qwxz')
    await clock.advance(DELAY)
    asked[0]?.fail()
    await settle()
    assert.deepEqual(shown, [[], []])
  })

  test('cancel drops the pending question and the one under way', async () => {
    const { clock, asked, shown, suggester } = setUp()
    suggester.ask('Ka')
    suggester.cancel()
    await clock.advance(DELAY * 2)
    assert.equal(asked.length, 0)
    suggester.ask('Kaz')
    await clock.advance(DELAY)
    suggester.cancel()
    assert.equal(asked[0]?.signal.aborted, true)
    await settle()
    assert.deepEqual(shown, [])
  })
})
