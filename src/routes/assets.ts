// The page's files: read, hashed and compressed once at start-up, served under hashed names.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

export type Asset = {
  /** Its URL path, named by content: `/assets/clock.3f9a1c2b.js`. */
  url: string
  type: string
  body: Buffer
  br: Buffer
  gzip: Buffer
}

export const ASSET_PREFIX = '/assets/'

const contentHash = (body: Buffer): string =>
  createHash('sha256').update(body).digest('hex').slice(0, 8)

const hashedName = (name: string, body: Buffer): string => {
  const ext = extname(name)
  return `${name.slice(0, -ext.length)}.${contentHash(body)}${ext}`
}

/**
 * Reads the servable files of `dir` once, at start-up: the files never change while the process
 * runs, so each is hashed and compressed here rather than per request. Other files (the script's
 * type declarations) are not served.
 */
export const loadAssets = (dir: URL, extra: Record<string, Buffer> = {}): Map<string, Asset> => {
  const assets = new Map<string, Asset>()
  const names = [...new Set([...readdirSync(dir), ...Object.keys(extra)])].sort()
  for (const name of names) {
    const type = TYPES[extname(name)]
    if (!type) continue
    const body = extra[name] ?? readFileSync(new URL(name, dir))
    assets.set(name, {
      url: ASSET_PREFIX + hashedName(name, body),
      type,
      body,
      // Quality 5, not 11: 14 ms less of every cold start for 0.4 KB more of clock.js.
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip: gzipSync(body, { level: 9 }),
    })
  }
  return assets
}

/**
 * The page's script from its TypeScript source, when the server runs from source (npm start,
 * tests): bundled now with the build's own settings. The production bundle has no source beside
 * it and serves the public/clock.js that `npm run build` wrote.
 */
export const bundleClientFromSource = async (): Promise<Record<string, Buffer>> => {
  if (!existsSync(new URL('../client/main.ts', import.meta.url))) return {}
  // A path esbuild cannot follow: the production bundle must not take in esbuild itself.
  const tool = new URL('../../scripts/client-bundle.ts', import.meta.url).href
  const { bundleClient } = (await import(tool)) as { bundleClient: () => Promise<Buffer> }
  return { 'clock.js': await bundleClient() }
}
