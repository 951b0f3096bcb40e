import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createSampler, type FetchLike } from '../../src/client/sampler.ts'
import type { ZoneAnswer } from '../../src/client/zone-state.ts'

/** A fetch answering `status` with `body` and recording what it was asked; the device clock ticks 40 ms a reading. */
const setUp = (status: number, body: unknown) => {
  const asked: Array<{ url: string; cache: string; signal: AbortSignal }> = []
  const answers: ZoneAnswer[] = []
  let wall = 1_000
  const fetch: FetchLike = async (url, init) => {
    asked.push({ url, ...init })
    return { ok: status < 400, status, json: async () => body }
  }
  const sample = createSampler({
    url: '/api/timezone/America/Argentina/Buenos_Aires',
    fetch,
    wallNow: () => (wall += 40),
    onAnswer: (answer) => answers.push(answer),
  })
  return { asked, answers, sample }
}

describe('a sample of the server’s clock', () => {
  test('asks the page’s API path, uncached, and times the answer by the device’s clock', async () => {
    const body = { utc_datetime: '2026-11-27T13:20:31.5+00:00', utc_offset: '-03:00' }
    const { asked, answers, sample } = setUp(200, body)
    const taken = await sample()
    assert.deepEqual(taken, {
      t0: 1_040,
      server: Date.UTC(2026, 10, 27, 13, 20, 31, 500),
      t1: 1_080,
    })
    assert.equal(asked[0]?.url, '/api/timezone/America/Argentina/Buenos_Aires')
    assert.equal(asked[0]?.cache, 'no-store')
    assert.ok(asked[0]?.signal instanceof AbortSignal)
    assert.deepEqual(answers, [body])
  })

  test('fails on an error status, and on an answer without the time', async () => {
    await assert.rejects(setUp(503, {}).sample(), /503/)
    for (const body of [null, 7, {}, { utc_datetime: 'now' }]) {
      const { answers, sample } = setUp(200, body)
      await assert.rejects(sample(), /utc_datetime/)
      assert.deepEqual(answers, [])
    }
  })
})
