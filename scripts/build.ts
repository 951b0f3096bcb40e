// Bundles the server into one ESM file, dist/server.mjs, so the image needs no node_modules.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const nodeVersion = readFileSync(new URL('../.node-version', import.meta.url), 'utf8').trim()

const result = await build({
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/server.mjs', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${nodeVersion}`,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
})

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0)
console.log(`dist/server.mjs: ${(bytes / 1024).toFixed(0)} KiB`)
