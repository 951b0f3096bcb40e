// The production bundle's esbuild settings, in one place: the build uses them for the service and
// the bench for its reference servers, so the floor is bundled exactly as the service is.
import { readFileSync } from 'node:fs'
import type { BuildOptions } from 'esbuild'

const nodeVersion = readFileSync(new URL('../.node-version', import.meta.url), 'utf8').trim()

export const bundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${nodeVersion}`,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
}
