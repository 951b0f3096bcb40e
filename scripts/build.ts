// Bundles the server into one ESM file, dist/server.mjs, so the image needs no node_modules.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { bundleOptions } from './bundle-options.ts'
import { bundleClient } from './client-bundle.ts'

const result = await build({
  ...bundleOptions,
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/server.mjs', import.meta.url)),
  metafile: true,
})

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`dist/server.mjs: ${(bytes / 1024).toFixed(0)} KiB`)

// The page's script, beside the stylesheet the server reads at start-up.
const client = await bundleClient()
writeFileSync(new URL('../public/clock.js', import.meta.url), client)
console.log(`public/clock.js: ${(client.length / 1024).toFixed(1)} KiB`)
