// keys.tsv in memory: every folded name in one one-byte string, sorted, with typed arrays for where
// each key starts and which places bear it. About 14 MB for 0.6 million keys, built in one pass.
import { CYRILLIC_SHIFT } from './normalize.ts'

export type KeyTable = {
  /** The keys, each followed by '\n', in sorted order. */
  readonly text: string
  /** Where key i starts in text; one more at the end. */
  readonly starts: Int32Array
  /** Postings of key i: postings[postingStarts[i] .. postingStarts[i + 1]). */
  readonly postingStarts: Int32Array
  /** place index * KINDS + kind, ascending within a key. */
  readonly postings: Int32Array
}

const TAB = 9
const NEWLINE = 10
const COMMA = 44

/**
 * Decodes keys.tsv. Its keys are UTF-8 with Cyrillic as Cyrillic; in memory Cyrillic а..я takes
 * one byte (U+00E0..U+00FF, foldName's form), so the keys make a one-byte string.
 */
export const decodeKeyTable = (bytes: Uint8Array): KeyTable => {
  const out = new Uint8Array(bytes.length)
  let keys = 0
  for (const byte of bytes) if (byte === NEWLINE) keys++
  const starts = new Int32Array(keys + 1)
  const postingStarts = new Int32Array(keys + 1)
  let postings = new Int32Array(keys * 2)
  let length = 0
  let count = 0
  let key = 0
  let at = 0
  while (at < bytes.length && key < keys) {
    starts[key] = length
    postingStarts[key] = count
    // The key, up to the tab.
    for (let byte = bytes[at] as number; byte !== TAB; byte = bytes[at] as number) {
      if (byte < 0x80) {
        out[length++] = byte
        at++
      } else {
        const code = ((byte & 0x1f) << 6) | ((bytes[at + 1] as number) & 0x3f)
        out[length++] = code - CYRILLIC_SHIFT
        at += 2
      }
    }
    out[length++] = NEWLINE
    at++
    // The postings, base 36, up to the newline.
    let value = 0
    for (let byte = bytes[at] as number; ; byte = bytes[++at] as number) {
      if (byte === COMMA || byte === NEWLINE || at >= bytes.length) {
        if (count === postings.length) postings = grow(postings)
        // Each but a key's first is stored as its difference from the one before.
        postings[count] =
          count > (postingStarts[key] as number) ? value + (postings[count - 1] as number) : value
        count++
        value = 0
        if (byte !== COMMA) break
      } else value = value * 36 + (byte <= 57 ? byte - 48 : byte - 87)
    }
    at++
    key++
  }
  starts[key] = length
  postingStarts[key] = count
  return {
    text: Buffer.from(out.buffer, 0, length).toString('latin1'),
    starts,
    postingStarts,
    postings: postings.slice(0, count),
  }
}

const grow = (array: Int32Array) => {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** The first key not below `query`: where keys starting with it begin. */
export const lowerBound = (table: KeyTable, query: string): number => {
  let low = 0
  let high = table.starts.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareKey(table, mid, query) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Key i against `query`, as strings compare: negative when the key sorts first. */
export const compareKey = (table: KeyTable, i: number, query: string): number => {
  const { text, starts } = table
  const start = starts[i] as number
  const length = (starts[i + 1] as number) - 1 - start
  const shared = Math.min(length, query.length)
  for (let k = 0; k < shared; k++) {
    const difference = text.charCodeAt(start + k) - query.charCodeAt(k)
    if (difference !== 0) return difference
  }
  return length - query.length
}

/** Whether key i begins with `query`, and whether it is all of it. */
export const keyLength = (table: KeyTable, i: number): number =>
  (table.starts[i + 1] as number) - 1 - (table.starts[i] as number)

export const startsWithQuery = (table: KeyTable, i: number, query: string): boolean =>
  keyLength(table, i) >= query.length && table.text.startsWith(query, table.starts[i])

/** Key i as a string (tests, the generator's checks). */
export const keyAt = (table: KeyTable, i: number): string =>
  table.text.slice(table.starts[i], (table.starts[i + 1] as number) - 1)
