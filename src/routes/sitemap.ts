// GET /robots.txt, /sitemap.xml and /sitemaps/{n}.xml: every page for crawlers. The paths are
// listed once, on the first request, in slices that let other requests run between them.
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendError } from '../http/error-answers.ts'
import { TEXT_TYPE } from '../http/media-types.ts'
import { countryPages } from '../render/country-page.ts'
import { countryPath } from '../render/place-view.ts'
import {
  joinPaths,
  robotsTxt,
  SITEMAP_INDEX,
  SITEMAP_PREFIX,
  SITEMAP_URLS,
  sitemapIndexXml,
  urlsetXml,
} from '../render/sitemap.ts'
import { acceptsEncoding } from './page.ts'
import type { PlaceData } from './place-data.ts'

const XML_TYPE = 'application/xml; charset=utf-8'
// The lists change only with a new release: crawlers and caches may keep them a day.
const CACHE = 'public, max-age=86400'
// Places read between two yields to the event loop: about 10 ms each here.
const SLICE = 2_000

const compress = promisify(gzip)
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Every page's path: `/`, the zones', the index, each country's pages, then every place's. */
const listPagePaths = async (zones: readonly string[], places: PlaceData) => {
  const index = places.index()
  const placePaths: string[] = []
  const perCountry = new Map<string, number>()
  for (let i = 0; i < index.size; i++) {
    if (i % SLICE === SLICE - 1) await nextTurn()
    const { path, country } = index.record(i)
    placePaths.push(path)
    perCountry.set(country, (perCountry.get(country) ?? 0) + 1)
  }
  const countries = [...perCountry.keys()]
    .sort()
    .flatMap((code) =>
      Array.from({ length: countryPages(perCountry.get(code) ?? 0) }, (_, i) =>
        countryPath(code, i + 1),
      ),
    )
  return ['/', ...zones.map((zone) => `/${zone}`), '/cities', ...countries, ...placePaths]
}

/** The request's own origin, if its host is a plain name or address (never markup). */
const originOf = (request: FastifyRequest): string | undefined => {
  const host = request.host
  const plain = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/
  return typeof host === 'string' && plain.test(host) ? `${request.protocol}://${host}` : undefined
}

export const registerSitemap = (
  app: FastifyInstance,
  { zones, places }: { zones: readonly string[]; places: PlaceData },
) => {
  let files: Promise<string[]> | undefined
  const filesOf = () => {
    files ??= listPagePaths(zones, places).then(
      (paths) =>
        Array.from({ length: Math.ceil(paths.length / SITEMAP_URLS) }, (_, i) =>
          joinPaths(paths.slice(i * SITEMAP_URLS, (i + 1) * SITEMAP_URLS)),
        ),
      (error: unknown) => {
        // A failed listing is tried again by the next request, not kept.
        files = undefined
        throw error
      },
    )
    return files
  }
  // Compressed answers by origin and file; a few origins at most (the public name, a test's).
  const gzipped = new Map<string, Promise<Buffer>>()
  const MAX_KEPT = 16

  const sendXml = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    xml: () => string,
  ) => {
    reply.header('cache-control', CACHE).header('vary', 'accept-encoding').type(XML_TYPE)
    if (!acceptsEncoding(request.headers['accept-encoding'], 'gzip')) return reply.send(xml())
    let body = gzipped.get(key)
    if (!body) {
      if (gzipped.size >= MAX_KEPT) gzipped.clear()
      body = compress(xml())
      gzipped.set(key, body)
      body.catch(() => gzipped.delete(key))
    }
    return reply.header('content-encoding', 'gzip').send(await body)
  }

  app.get('/robots.txt', (request, reply) =>
    reply
      .header('cache-control', CACHE)
      .type(TEXT_TYPE)
      .send(robotsTxt(originOf(request))),
  )

  app.get(SITEMAP_INDEX, async (request, reply) => {
    const origin = originOf(request)
    if (!origin) return sendError(request, reply, 400)
    const count = (await filesOf()).length
    return sendXml(request, reply, `${origin} index`, () => sitemapIndexXml(origin, count))
  })

  app.get(
    `${SITEMAP_PREFIX}:file`,
    async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const origin = originOf(request)
      const number = /^([1-9]\d{0,2})\.xml$/.exec(request.params.file)?.[1]
      const joined = number === undefined ? undefined : (await filesOf())[Number(number) - 1]
      if (joined === undefined) return sendError(request, reply, 404)
      if (!origin) return sendError(request, reply, 400)
      return sendXml(request, reply, `${origin} ${number}`, () => urlsetXml(origin, joined))
    },
  )
}
