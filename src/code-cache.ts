// The bundle's loader: runs dist/server.cjs (or .br) compiled from the V8 code cache written beside it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { debuglog } from 'node:util'
import { constants, Script } from 'node:vm'
import { crc32 } from 'node:zlib'
import { readTable } from './table-file.ts'

// Why not NODE_COMPILE_CACHE: Node caches what V8 compiled before the module ran, which is the top
// level only, since V8 compiles each function on its first call. Compiling those functions was a
// third of a start; a cache taken after a start and a first `/` holds every one they ran
// (docs/performance.md).

export type Bundle = {
  /** Whether V8 took the cache: false when there is none, or it is stale or from another Node. */
  readonly cached: boolean
  /** Runs the bundle's top level, as Node runs a CommonJS module. */
  run(): void
  /** The cache of every function compiled so far, as `loadBundle` reads it. */
  codeCache(): Buffer
}

// The wrapper Node's own loader puts around a CommonJS module.
const wrap = (source: string) =>
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`

// NODE_DEBUG=code-cache says at each start whether V8 took the cache.
const debug = debuglog('code-cache')

// A cache opens with the CRC-32 of the bundle it was made from: V8 itself compares only lengths,
// and a rebuilt bundle of the same length must not run another one's bytecode.
const CHECKSUM_BYTES = 4

const readCache = (file: URL, checksum: number) => {
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch {
    return undefined
  }
  return data.length > CHECKSUM_BYTES && data.readUInt32BE(0) === checksum
    ? data.subarray(CHECKSUM_BYTES)
    : undefined
}

/** Compiles `file`, a CommonJS bundle, from `cacheFile` when that cache was made from it. */
export const loadBundle = (file: URL, cacheFile = new URL(`${file.href}.cache`)): Bundle => {
  const filename = fileURLToPath(file)
  const bytes = readTable(file)
  const checksum = crc32(bytes)
  const source = wrap(bytes.toString())
  const cachedData = readCache(cacheFile, checksum)
  const script = new Script(source, {
    filename,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  const cached = cachedData !== undefined && !script.cachedDataRejected
  debug(cached ? 'took %s' : 'compiled without %s', fileURLToPath(cacheFile))
  return {
    cached,
    run: () => {
      const module = { exports: {} }
      const require = createRequire(file)
      script.runInThisContext()(module.exports, require, module, filename, dirname(filename))
    },
    codeCache: () => {
      const header = Buffer.alloc(CHECKSUM_BYTES)
      header.writeUInt32BE(checksum)
      return Buffer.concat([header, script.createCachedData()])
    },
  }
}
