// Bundles the server into one ESM file, dist/server.mjs, so the image needs no node_modules.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { bundleOptions } from './bundle-options.ts'

const result = await build({
  ...bundleOptions,
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/server.mjs', import.meta.url)),
  metafile: true,
})

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`dist/server.mjs: ${(bytes / 1024).toFixed(0)} KiB`)
