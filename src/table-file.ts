// The run-time tables' files: read plain, or restored from `<file>.br` where the image ships only
// that (scripts/compress-tables.ts writes it), so src/ and dist/ read the same tables.
import { existsSync, readFileSync } from 'node:fs'
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'

/**
 * Brotli at its highest quality, for a table shipped in the image; `window` its log2 (a smaller
 * one packs some tables better: nearer matches are cheaper to name).
 */
export const compressTable = (bytes: Uint8Array, quality = 11, window = 24): Buffer =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_LGWIN]: window,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })

/** The file's bytes; where only `<file>.br` exists, decompressed and then `restore`d. */
export const readTable = (
  file: URL,
  restore: (decompressed: Uint8Array) => Uint8Array = (bytes) => bytes,
): Uint8Array => {
  const compressed = new URL(`${file.href}.br`)
  return !existsSync(file) && existsSync(compressed)
    ? restore(brotliDecompressSync(readFileSync(compressed)))
    : readFileSync(file)
}
