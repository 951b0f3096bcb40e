import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { matchesEtag } from '../../src/routes/posix.ts'
import { posixTzOf, tzdbNames, tzdbVersion } from '../../src/time/tzdb.ts'
import { buildTestApp, zones } from '../helpers.ts'

const app = buildTestApp()
const docs = readFileSync(new URL('../../docs/devices.md', import.meta.url), 'utf8')

/** The code block after `<!-- sample: name -->` in docs/devices.md, without its last newline. */
const sample = (name: string) => {
  const match = new RegExp(`<!-- sample: ${name} -->\\n\`\`\`\\n([\\s\\S]*?)\\n\`\`\``).exec(docs)
  assert.ok(match?.[1], `docs/devices.md has the sample ${name}`)
  return match[1]
}

describe('GET /api/posix/{zone}', () => {
  test('answers the zone’s POSIX TZ string as plain text, with no newline', async () => {
    const res = await app.inject('/api/posix/Europe/Moscow')
    assert.equal(res.statusCode, 200)
    assert.equal(res.body, 'MSK-3')
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    assert.equal(res.headers['access-control-allow-origin'], '*')
    assert.equal((await app.inject('/api/posix/Europe/London')).body, 'GMT0BST,M3.5.0/1,M10.5.0')
  })

  test('takes any case and links, one-, two- and three-part names, and a trailing slash', async () => {
    const answers = {
      '/api/posix/europe/moscow': 'MSK-3',
      '/api/posix/US/Eastern': 'EST5EDT,M3.2.0,M11.1.0',
      '/api/posix/UTC': 'UTC0',
      '/api/posix/Europe/Kyiv/': 'EET-2EEST,M3.5.0/3,M10.5.0/4',
      '/api/posix/America/Argentina/Buenos_Aires': '<-03>3',
      '/api/posix/Europe%2FMoscow': 'MSK-3',
    }
    for (const [url, body] of Object.entries(answers)) {
      const res = await app.inject(url)
      assert.deepEqual([res.statusCode, res.body], [200, body], url)
    }
  })

  test('keeps tzdb’s own negative-DST string for Dublin (only the UDP protocol rewrites it)', async () => {
    assert.equal((await app.inject('/api/posix/Europe/Dublin')).body, 'IST-1GMT0,M10.5.0,M3.5.0/1')
  })

  test('an unknown zone is 404, as the API’s other errors, and not cached', async () => {
    const res = await app.inject('/api/posix/Mars/Base')
    assert.equal(res.statusCode, 404)
    assert.deepEqual(res.json(), { error: 'unknown location' })
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.equal((await app.inject('/api/posix/Factory')).statusCode, 404)
  })
})

describe('GET /api/posix and /api/posix.csv', () => {
  test('JSON: valid, every listed zone and link, and nothing else', async () => {
    const res = await app.inject('/api/posix')
    assert.equal(res.headers['content-type'], 'application/json')
    const table = res.json() as Record<string, string>
    const expected = [...new Set([...zones.names, ...Object.keys(tzdbNames.links)])]
    assert.deepEqual(Object.keys(table).toSorted(), expected.toSorted())
    for (const name of ['Europe/Kyiv', 'America/Ciudad_Juarez', 'Asia/Qostanay', 'UTC'])
      assert.equal(table[name], posixTzOf(name), name)
    // posix_tz_db's older names are tzdb links, so its devices find them all here.
    for (const name of ['America/Godthab', 'Europe/Kiev', 'Etc/GMT+0', 'Etc/Greenwich'])
      assert.ok(table[name], name)
  })

  test('JSON in posix_tz_db’s layout: one entry a line, keys sorted, no newline after }', async () => {
    const body = (await app.inject('/api/posix')).body
    const lines = body.split('\n')
    assert.equal(lines[0], '{')
    assert.equal(lines.at(-1), '}')
    const entries = lines.slice(1, -1)
    for (const [i, line] of entries.entries())
      assert.match(line, i === entries.length - 1 ? /^"[^"]+":"[^"]+"$/ : /^"[^"]+":"[^"]+",$/)
    const keys = entries.map((line) => JSON.parse(`{${line.replace(/,$/, '')}}`))
    const names = keys.map((entry) => Object.keys(entry)[0] as string)
    assert.deepEqual(names, names.toSorted())
    assert.ok(body.startsWith(`${sample('json-head')}\n`))
    assert.ok(body.endsWith(`\n${sample('json-tail')}`))
    assert.ok(!body.endsWith('\n'))
  })

  test('CSV in posix_tz_db’s layout: a "name","posix" line per zone, each with its newline', async () => {
    const res = await app.inject('/api/posix.csv')
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
    const json = (await app.inject('/api/posix')).json() as Record<string, string>
    const expected = Object.entries(json).map(([name, posix]) => `"${name}","${posix}"\n`)
    assert.equal(res.body, expected.join(''))
    assert.ok(res.body.startsWith(`${sample('csv-head')}\n`))
    assert.ok(res.body.endsWith(`\n${sample('csv-tail')}\n`))
  })
})

describe('caching', () => {
  test('every answer has an ETag of the tzdb release and the body, and a day in any cache', async () => {
    for (const url of ['/api/posix', '/api/posix.csv', '/api/posix/Europe/Moscow']) {
      const res = await app.inject(url)
      assert.match(String(res.headers.etag), new RegExp(`^"${tzdbVersion}-[\\w-]{16}"$`), url)
      assert.equal(res.headers['cache-control'], 'public, max-age=86400', url)
    }
    const json = await app.inject('/api/posix')
    const csv = await app.inject('/api/posix.csv')
    assert.notEqual(json.headers.etag, csv.headers.etag)
    assert.equal((await app.inject('/api/posix')).headers.etag, json.headers.etag, 'stable')
  })

  test('If-None-Match with the ETag is 304, with the ETag and no body', async () => {
    for (const url of ['/api/posix', '/api/posix.csv', '/api/posix/Europe/Moscow']) {
      const etag = String((await app.inject(url)).headers.etag)
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const res = await app.inject({ url, headers: { 'if-none-match': header } })
        assert.equal(res.statusCode, 304, `${url} with ${header}`)
        assert.equal(res.body, '')
        assert.equal(res.headers.etag, etag)
        assert.equal(res.headers['cache-control'], 'public, max-age=86400')
      }
      const stale = await app.inject({ url, headers: { 'if-none-match': '"2020a-old"' } })
      assert.equal(stale.statusCode, 200)
    }
  })

  test('the If-None-Match comparison is weak and takes lists', () => {
    assert.equal(matchesEtag(undefined, '"a"'), false)
    assert.equal(matchesEtag('"a"', '"a"'), true)
    assert.equal(matchesEtag(' W/"a" ', '"a"'), true)
    assert.equal(matchesEtag('"b", "a"', '"a"'), true)
    assert.equal(matchesEtag('"b"', '"a"'), false)
  })
})

describe('the footers docs/devices.md lists as misread by some embedded C libraries', () => {
  // Rule times outside POSIX's 0-24 hours or at 24, and DST given as an offset (RFC 8536 3.3.1).
  const NAME = '(?:<[^>]+>|[A-Za-z]+)'
  const unusual = (footer: string): string | undefined => {
    const hours = [...footer.matchAll(/\/(-?\d+)/g)].map((match) => Number(match[1]))
    const odd = hours.find((hour) => hour < 0 || hour > 24) ?? hours.find((hour) => hour === 24)
    if (odd !== undefined) return `hour ${odd}`
    if (new RegExp(`^${NAME}[-+]?[\\d:]+${NAME}[-+]?\\d`).test(footer)) return 'DST offset given'
    return undefined
  }

  test('are exactly the vendored release’s, found from the data', () => {
    const byFooter = new Map<string, string[]>()
    for (const name of [...tzdbNames.zones, ...Object.keys(tzdbNames.links)]) {
      const footer = posixTzOf(name) ?? ''
      if (unusual(footer)) byFooter.set(footer, [...(byFooter.get(footer) ?? []), name])
    }
    const found = [...byFooter].map(
      ([footer, names]) => `${footer} | ${names.toSorted().join(', ')} | ${unusual(footer)}`,
    )
    const table = /<!-- footers: begin -->\n([\s\S]*?)<!-- footers: end -->/.exec(docs)?.[1] ?? ''
    const listed = table
      .split('\n')
      .slice(2, -1)
      .map((row) => {
        const [footer = '', names = '', what = ''] = row
          .split(' | ')
          .map((cell) => cell.replace(/^\| |`| \|$/g, ''))
        return `${footer} | ${names} | ${what.replace(/ \(.*\)$/, '')}`
      })
    assert.deepEqual(listed.toSorted(), found.toSorted())
  })
})
