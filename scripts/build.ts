// Bundles the server into one CommonJS file, dist/server.cjs, so the image needs no node_modules;
// dist/server.mjs runs it from V8's code cache (src/code-cache.ts), which this build writes last.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants } from 'node:zlib'
import { build, type Plugin } from 'esbuild'
import { compressTable } from '../src/table-file.ts'
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

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url))

// CommonJS, because V8's code cache is made for a script, and an ES module has none to give
// vm.Script. import.meta has no CommonJS form: its url becomes the bundle's own, as in ESM.
const result = await build({
  ...bundleOptions,
  format: 'cjs',
  banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile: dist('server.cjs'),
  plugins: [compressedJson],
  metafile: true,
})
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`dist/server.cjs: ${(bytes / 1024).toFixed(0)} KiB`)
// The form the image ships, read where the plain file is missing (src/table-file.ts): 0.6 MB less
// image for 4-9 ms of each start. Quality 9: 7 % larger than 11, in 0.13 s instead of 2.
const compressed = compressTable(readFileSync(dist('server.cjs')), 9)
writeFileSync(dist('server.cjs.br'), compressed)
console.log(`dist/server.cjs.br: ${(compressed.length / 1024).toFixed(0)} KiB`)

// The entry the image runs: the loader, bundled on its own.
await build({
  ...bundleOptions,
  banner: {},
  stdin: {
    contents: [
      "import { loadBundle } from './src/code-cache.ts'",
      "loadBundle(new URL('./server.cjs', import.meta.url)).run()",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'server-entry.ts',
    loader: 'ts',
  },
  outfile: dist('server.mjs'),
})

// The page's script, beside the stylesheet the server reads at start-up.
const client = await bundleClient()
writeFileSync(new URL('../public/clock.js', import.meta.url), client)
console.log(`public/clock.js: ${(client.length / 1024).toFixed(1)} KiB`)

// Last: the cache is taken from a start that answers `/`, which reads the page's script. Its
// writer as one file, so the image's build runs it with the node the image ships.
await build({
  ...bundleOptions,
  banner: {},
  entryPoints: [fileURLToPath(new URL('write-code-cache.ts', import.meta.url))],
  outfile: dist('write-code-cache.mjs'),
})
const written = spawnSync(process.execPath, [dist('write-code-cache.mjs'), dist('server.cjs')], {
  stdio: 'inherit',
})
if (written.status !== 0) throw new Error('writing the code cache failed')
