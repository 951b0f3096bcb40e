// The clock page's routes: its assets here, its HTML pages in zone-pages.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createCitiesPage } from '../render/cities-page.ts'
import { createCountryPage } from '../render/country-page.ts'
import { createPageRenderer } from '../render/page.ts'
import { createRenderNow } from '../render/page-cache.ts'
import { createSearchPages } from '../render/search-pages.ts'
import type { Clock } from '../time/clock.ts'
import type { TimeDescriber } from '../time/time-info.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { ASSET_PREFIX, type Asset, bundleClientFromSource, loadAssets } from './assets.ts'
import type { PlaceData } from './place-data.ts'
import { registerPlacePages } from './place-pages.ts'
import { registerSearchPage } from './search-page.ts'
import { registerZonePages } from './zone-pages.ts'

export type PageDeps = {
  clock: Clock
  describe: TimeDescriber
  zones: ZoneRegistry
  timeZone: string
  publicDir: URL
  /** The place index, for the places' pages, the countries' and the search. */
  places: PlaceData
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
// /favicon.ico keeps its name forever, so browsers may keep it a day, not a year.
const FAVICON_CACHE = 'public, max-age=86400'

/** Whether an Accept-Encoding header accepts `coding` (listed with a non-zero weight). */
export const acceptsEncoding = (header: string | undefined, coding: string): boolean =>
  (header ?? '').split(',').some((entry) => {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    return name === coding && (q === undefined || Number(q.slice(2)) > 0)
  })

const sendAsset = (
  request: FastifyRequest,
  reply: FastifyReply,
  asset: Asset,
  cacheControl: string,
) => {
  const accepted = request.headers['accept-encoding']
  const coding = acceptsEncoding(accepted, 'br')
    ? 'br'
    : acceptsEncoding(accepted, 'gzip')
      ? 'gzip'
      : undefined
  reply.header('cache-control', cacheControl).header('vary', 'accept-encoding').type(asset.type)
  if (coding) reply.header('content-encoding', coding)
  return reply.send(coding ? asset[coding] : asset.body)
}

/** The clock page, its script, stylesheet and icon (read and hashed once, here). */
export const registerPageRoutes = async (
  app: FastifyInstance,
  { clock, describe, zones, timeZone, publicDir, places }: PageDeps,
) => {
  const assets = loadAssets(publicDir, await bundleClientFromSource())
  const required = (name: string): Asset => {
    const asset = assets.get(name)
    if (!asset) throw new Error(`the page needs ${name} in ${publicDir.href}`)
    return asset
  }
  const script = required('clock.js')
  const style = required('clock.css')
  const icon = required('icon.svg')
  const pageAssets = { script: script.url, style: style.url, icon: icon.url }
  const render = createPageRenderer({ assets: pageAssets })
  const citiesPage = createCitiesPage({
    zones: zones.names,
    assets: pageAssets,
    countries: places.countries,
  })
  const byUrl = new Map([...assets.values()].map((asset) => [asset.url, asset]))

  const searchPages = createSearchPages(pageAssets)
  const countryPage = createCountryPage(pageAssets)

  const renderNow = createRenderNow({ clock, describe }, render)
  registerZonePages(app, { zones, timeZone, renderNow, citiesPage })
  registerPlacePages(app, { places, renderNow, searchPages, countryPage })
  registerSearchPage(app, { places, pages: searchPages })

  app.get<{ Params: { file: string } }>(`${ASSET_PREFIX}:file`, (request, reply) => {
    const asset = byUrl.get(ASSET_PREFIX + request.params.file)
    if (!asset) return reply.callNotFound()
    return sendAsset(request, reply, asset, IMMUTABLE)
  })

  // Browsers and crawlers ask for it whatever the page links; every current one reads SVG icons.
  app.get('/favicon.ico', (request, reply) => sendAsset(request, reply, icon, FAVICON_CACHE))
}
