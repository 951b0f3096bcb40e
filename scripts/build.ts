// Bundles the server into one ESM file, dist/server.mjs, so the image needs no node_modules.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants } from 'node:zlib'
import { build, type Plugin } from 'esbuild'
import { bundleOptions } from './bundle-options.ts'
import { bundleClient } from './client-bundle.ts'

const dataDir = fileURLToPath(new URL('../data/', import.meta.url))

/**
 * The vendored JSON tables (data/tzdb/zones.json, 420 KB; data/cities/cities.json) go into the
 * bundle brotli-compressed and are parsed as the module loads: 0.4 MB less image, for 5-8 ms of
 * each start (docs/docker.md). The sources still import the plain files. A plugin, so not in
 * bundleOptions: the bench bundles its own servers with esbuild's sync API, which has none.
 */
const compressedJson: Plugin = {
  name: 'compressed-json',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) => {
      if (!path.startsWith(dataDir)) return undefined
      const json = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))
      const compressed = brotliCompressSync(json, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
      }).toString('base64')
      return {
        loader: 'js',
        contents: [
          "import { brotliDecompressSync } from 'node:zlib'",
          `export default JSON.parse(brotliDecompressSync(Buffer.from('${compressed}', 'base64')).toString())`,
        ].join('\n'),
      }
    })
  },
}

const result = await build({
  ...bundleOptions,
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/server.mjs', import.meta.url)),
  plugins: [compressedJson],
  metafile: true,
})

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`dist/server.mjs: ${(bytes / 1024).toFixed(0)} KiB`)

// The page's script, beside the stylesheet the server reads at start-up.
const client = await bundleClient()
writeFileSync(new URL('../public/clock.js', import.meta.url), client)
console.log(`public/clock.js: ${(client.length / 1024).toFixed(1)} KiB`)
