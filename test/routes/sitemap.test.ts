import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { loadPlaceIndex } from '../../src/places/place-index.ts'
import {
  joinPaths,
  robotsTxt,
  SITEMAP_URLS,
  sitemapIndexXml,
  urlsetXml,
} from '../../src/render/sitemap.ts'
import { buildTestApp, zones } from '../helpers.ts'

const app = buildTestApp()
after(() => app.close())
const HOST = 'time.example.org'
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { host: HOST, ...headers } })
const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')

describe('robots.txt', () => {
  test('allows everything and points to the sitemap on the asked origin', async () => {
    const res = await get('/robots.txt')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] ?? '', /^text\/plain/)
    assert.equal(res.body, `User-agent: *\nAllow: /\nSitemap: http://${HOST}/sitemap.xml\n`)
  })

  test('a host that is no plain name gets no Sitemap line, and the sitemap a 400', async () => {
    for (const host of ['evil.example/<x>', 'a b', '"><script>']) {
      const robots = await get('/robots.txt', { host })
      assert.equal(robots.body, 'User-agent: *\nAllow: /\n', host)
      assert.equal((await get('/sitemap.xml', { host })).statusCode, 400, host)
    }
  })
})

describe('the sitemaps', () => {
  test('an index of files of at most 50,000 URLs that list every page once', async () => {
    const res = await get('/sitemap.xml')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] ?? '', /^application\/xml/)
    assert.match(
      res.body,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    )
    assert.doesNotMatch(res.body, /lastmod/)
    const files = locsOf(res.body)
    assert.ok(files.length >= 3, `${files.length} files`)
    const urls: string[] = []
    for (const file of files) {
      assert.match(file, new RegExp(`^http://${HOST}/sitemaps/\\d+\\.xml$`))
      const part = await get(new URL(file).pathname)
      assert.equal(part.statusCode, 200, file)
      assert.match(part.headers['content-type'] ?? '', /^application\/xml/)
      const locs = locsOf(part.body)
      assert.ok(locs.length > 0 && locs.length <= SITEMAP_URLS, `${file}: ${locs.length}`)
      urls.push(...locs)
    }
    assert.equal(new Set(urls).size, urls.length, 'each page once')
    const paths = new Set(urls.map((url) => url.slice(`http://${HOST}`.length)))
    for (const path of [
      '/',
      '/cities',
      '/Asia/Tokyo',
      '/city/Kazan',
      '/city/Springfield/US/Illinois',
      '/country/RU',
      '/country/US/2',
    ])
      assert.ok(paths.has(path), path)
    for (const zone of zones.names) assert.ok(paths.has(`/${zone}`), zone)
    const places = [...paths].filter((path) => path.startsWith('/city/')).length
    assert.equal(places, loadPlaceIndex().size, 'every place’s page')
  })

  test('gzip for crawlers that take it, the same URLs', async () => {
    const plain = await get('/sitemaps/1.xml')
    const packed = await get('/sitemaps/1.xml', { 'accept-encoding': 'gzip, br' })
    assert.equal(packed.headers['content-encoding'], 'gzip')
    assert.equal(packed.headers.vary, 'accept-encoding')
    assert.equal(gunzipSync(packed.rawPayload).toString(), plain.body)
    assert.ok(packed.rawPayload.length < plain.rawPayload.length / 4)
  })

  test('no such file: 404', async () => {
    for (const path of ['/sitemaps/0.xml', '/sitemaps/99.xml', '/sitemaps/1.txt', '/sitemaps/%00'])
      assert.equal((await get(path)).statusCode, 404, path)
  })

  test('the XML escapes what it lists', () => {
    assert.equal(
      urlsetXml('http://h', joinPaths(['/a&b', '/c'])),
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>http://h/a&amp;b</loc></url>\n<url><loc>http://h/c</loc></url>\n</urlset>\n',
    )
    assert.match(
      sitemapIndexXml('http://h', 2),
      /<sitemap><loc>http:\/\/h\/sitemaps\/2.xml<\/loc><\/sitemap>/,
    )
    assert.equal(robotsTxt(undefined), 'User-agent: *\nAllow: /\n')
  })
})
