// Writes the bundle's V8 code cache (dist/server.cjs.cache): starts the bundle in this process,
// asks for `/`, and saves the code of every function that ran. The cache only fits the Node that
// wrote it, so the image writes its own with the node it ships (Dockerfile, rootfs stage).
//
//   node scripts/write-code-cache.ts dist/server.cjs
// The build bundles it into dist/write-code-cache.mjs, the one file the image's build copies in.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { loadBundle } from '../src/code-cache.ts'
import { freePort } from './free-port.ts'

const [bundlePath] = process.argv.slice(2)
if (!bundlePath) throw new Error('usage: write-code-cache <bundle.cjs>')
const bundleFile = pathToFileURL(resolve(bundlePath))
const cacheFile = new URL(`${bundleFile.href}.cache`)

const answerRoot = async (port: number) => {
  const deadline = Date.now() + 20_000
  for (;;) {
    const answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined)
    if (answer?.ok) return answer.arrayBuffer()
    if (answer) throw new Error(`/ answered ${answer.status}`)
    if (Date.now() > deadline) throw new Error('the bundle did not answer / in 20 s')
    await sleep(20)
  }
}

const port = await freePort('127.0.0.1')
Object.assign(process.env, {
  PORT: String(port),
  HOST: '127.0.0.1',
  METRICS_PORT: 'off',
  LOG_LEVEL: 'warn',
  SHUTDOWN_DELAY_MS: '0',
})
// Without the old cache, so nothing compiled for an earlier bundle is carried over.
const bundle = loadBundle(bundleFile, new URL('file:///dev/null'))
bundle.run()
await answerRoot(port)
writeFileSync(cacheFile, bundle.codeCache())
if (!loadBundle(bundleFile, cacheFile).cached)
  throw new Error('V8 rejected the cache it just wrote')
console.log(`${cacheFile.pathname}: ${(bundle.codeCache().length / 1024).toFixed(0)} KiB`)
process.exit(0)
