// robots.txt and the sitemaps (sitemaps.org 0.9): an index at /sitemap.xml, and the pages' paths
// in files of at most 50,000 URLs, each URL absolute on the origin the crawler asked.
import { escapeHtml } from './escape.ts'

/** The protocol's limit of URLs a file. */
export const SITEMAP_URLS = 50_000

export const SITEMAP_INDEX = '/sitemap.xml'
/** The files: /sitemaps/1.xml, /sitemaps/2.xml, ... */
export const SITEMAP_PREFIX = '/sitemaps/'
const sitemapPath = (number: number) => `${SITEMAP_PREFIX}${number}.xml`

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

/** Everyone may crawl everything; the sitemap says where everything is. */
export const robotsTxt = (origin: string | undefined) =>
  `User-agent: *\nAllow: /\n${origin ? `Sitemap: ${origin}${SITEMAP_INDEX}\n` : ''}`

/** The index of the files. No lastmod: nothing true could be said of when the lists last changed. */
export const sitemapIndexXml = (origin: string, files: number) => {
  const entries = Array.from(
    { length: files },
    (_, i) => `<sitemap><loc>${escapeHtml(origin + sitemapPath(i + 1))}</loc></sitemap>`,
  )
  return `${XML}<sitemapindex ${NS}>\n${entries.join('\n')}\n</sitemapindex>\n`
}

/**
 * A file's paths, one a line, escaped once: what is kept between requests (a place's page
 * changes every second, so no lastmod or changefreq would be true either).
 */
export const joinPaths = (paths: readonly string[]) => paths.map(escapeHtml).join('\n')

/** A file of URLs: its paths (joinPaths) on `origin`. */
export const urlsetXml = (origin: string, joined: string) => {
  const open = `<url><loc>${escapeHtml(origin)}`
  const urls =
    joined === '' ? '' : `${open}${joined.replaceAll('\n', `</loc></url>\n${open}`)}</loc></url>\n`
  return `${XML}<urlset ${NS}>\n${urls}</urlset>\n`
}
