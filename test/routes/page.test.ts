import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { bundleClient } from '../../scripts/client-bundle.ts'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { acceptsEncoding } from '../../src/routes/page.ts'
import { fixedClock } from '../../src/time/clock.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'
import { FIXED_INSTANT } from '../fixtures.ts'

const app = buildApp({
  config: loadConfig({ LOG_LEVEL: 'silent' }, createZoneRegistry().resolve),
  clock: fixedClock(FIXED_INSTANT),
})
after(() => app.close())

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers })
const publicFile = (name: string) => readFileSync(new URL(`../../public/${name}`, import.meta.url))
const assetUrls = (html: string) =>
  [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '')

describe('GET /', () => {
  test('serves the English page by default, never cached, varying by language', async () => {
    const response = await get('/')
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8')
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(String(response.headers.vary), /accept-language/i)
    assert.equal(response.headers['content-language'], 'en')
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/)
    assert.match(response.body, /<html lang="en"/)
    assert.match(response.body, /<time id="time" datetime="2026-11-27T16:20:31\+03:00">/)
  })

  test('answers Russian to a Russian Accept-Language', async () => {
    const response = await get('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })
    assert.equal(response.headers['content-language'], 'ru')
    assert.match(response.body, /<html lang="ru"/)
    assert.match(response.body, /пятница, 27 ноября 2026 г\./)
  })

  test('lets ?lang= override Accept-Language', async () => {
    const response = await get('/?lang=en', { 'accept-language': 'ru' })
    assert.match(response.body, /<html lang="en"/)
    assert.match((await get('/?lang=ru')).body, /<html lang="ru"/)
  })

  test('never reflects the query or headers into the page', async () => {
    const probe = '<script>alert(1)</script>'
    const response = await get(
      `/?lang=${encodeURIComponent(probe)}&x=${encodeURIComponent(probe)}`,
      {
        'accept-language': probe,
      },
    )
    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<html lang="en"/)
    assert.doesNotMatch(response.body, /alert/)
  })

  test('answers HEAD without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/' })
    assert.equal(response.statusCode, 200)
    assert.equal(response.body, '')
  })
})

// The script is bundled from src/client at start-up; the other assets are public/'s files.
const served = async (name: string) => (name === 'clock.js' ? bundleClient() : publicFile(name))

describe('assets', () => {
  const expected = [
    ['clock.js', 'text/javascript; charset=utf-8'],
    ['clock.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
  ] as const

  test('are linked by content-hashed URLs, served immutable with their type', async () => {
    const urls = assetUrls((await get('/')).body)
    assert.equal(urls.length, expected.length)
    for (const [name, type] of expected) {
      const body = await served(name)
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 8)
      const [stem, ext] = name.split('.')
      const url = `/assets/${stem}.${hash}.${ext}`
      assert.ok(urls.includes(url), `${url} not in ${urls.join(' ')}`)
      const response = await get(url)
      assert.equal(response.statusCode, 200, url)
      assert.equal(response.headers['content-type'], type)
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(response.headers['content-encoding'], undefined)
      assert.deepEqual(response.rawPayload, body)
    }
  })

  test('are sent compressed to clients that accept brotli or gzip', async () => {
    const [url = ''] = assetUrls((await get('/')).body).filter((u) => u.endsWith('.js'))
    const body = await served('clock.js')
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.match(String(br.headers.vary), /accept-encoding/i)
    assert.deepEqual(brotliDecompressSync(br.rawPayload), body)
    const gzip = await get(url, { 'accept-encoding': 'gzip, br;q=0' })
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    assert.deepEqual(gunzipSync(gzip.rawPayload), body)
  })

  test('unknown or stale asset URLs are 404 pages', async () => {
    for (const url of [
      '/assets/clock.00000000.js',
      '/assets/clock.js',
      '/assets/clock.d.ts',
      '/assets/',
    ]) {
      const response = await get(url)
      assert.equal(response.statusCode, 404, url)
      assert.match(String(response.headers['content-type']), /^text\/html/)
    }
  })

  test('/favicon.ico answers the icon, so browsers get no 404', async () => {
    const response = await get('/favicon.ico')
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'image/svg+xml')
    assert.deepEqual(response.rawPayload, publicFile('icon.svg'))
  })
})

describe('acceptsEncoding', () => {
  test('honours listed codings and refuses those weighted zero', () => {
    assert.equal(acceptsEncoding('gzip, deflate, br', 'br'), true)
    assert.equal(acceptsEncoding('br;q=0, gzip', 'br'), false)
    assert.equal(acceptsEncoding('BR;q=0.5', 'br'), true)
    assert.equal(acceptsEncoding('brotli', 'br'), false)
    assert.equal(acceptsEncoding(undefined, 'gzip'), false)
  })
})
