// The search keys in memory: every folded name in one one-byte string, sorted, with typed arrays
// for where each key starts and which places bear it; built from the file in one pass.
import { createByteReader, createByteWriter } from './bytes.ts'

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

const NEWLINE = 10

/**
 * The key table from the file's three key sections: the keys' count and length, then the keys,
 * sorted, each as how many leading characters it shares with the one before (a byte), the rest
 * and a newline; each key's count of postings less one; the postings' count, then the postings,
 * each but a key's first as its difference from the one before. Keys are one-byte strings
 * already (Cyrillic shifted, foldName's form). Two passes, no allocation a key.
 */
export const decodeKeyTable = (
  keyBytes: Uint8Array,
  countBytes: Uint8Array,
  postingBytes: Uint8Array,
): KeyTable => {
  const keyReader = createByteReader(keyBytes)
  const keys = keyReader.uint()
  const out = new Uint8Array(keyReader.uint())
  const starts = new Int32Array(keys + 1)
  let written = 0
  for (let key = 0, at = keyReader.offset, previous = 0; key < keys; key++) {
    const shared = keyBytes[at++] as number
    starts[key] = written
    for (let i = 0; i < shared; i++) out[written++] = out[previous + i] as number
    for (let byte = keyBytes[at++] as number; byte !== NEWLINE; byte = keyBytes[at++] as number) {
      out[written++] = byte
    }
    out[written++] = NEWLINE
    previous = starts[key] as number
  }
  starts[keys] = written
  const postingReader = createByteReader(postingBytes)
  const countReader = createByteReader(countBytes)
  const postings = new Int32Array(postingReader.uint())
  const postingStarts = new Int32Array(keys + 1)
  for (let key = 0, p = 0; key < keys; key++) {
    postingStarts[key] = p
    let value = 0
    for (let end = p + countReader.uint() + 1; p < end; p++) {
      value += postingReader.uint()
      postings[p] = value
    }
  }
  postingStarts[keys] = postings.length
  return {
    text: Buffer.from(out.buffer, 0, written).toString('latin1'),
    starts,
    postingStarts,
    postings,
  }
}

/** The keys' section: sorted keys (one-byte strings), as decodeKeyTable reads it. */
export const encodeKeys = (keys: readonly string[]): Uint8Array => {
  const writer = createByteWriter()
  writer.uint(keys.length)
  writer.uint(keys.reduce((length, key) => length + key.length + 1, 0))
  let previous = ''
  for (const key of keys) {
    let shared = 0
    const most = Math.min(255, key.length, previous.length)
    while (shared < most && key.charCodeAt(shared) === previous.charCodeAt(shared)) shared++
    const rest = key.slice(shared)
    const bytes = new Uint8Array(rest.length + 2)
    bytes[0] = shared
    for (let i = 0; i < rest.length; i++) {
      const code = rest.charCodeAt(i)
      if (code > 0xff || code === NEWLINE) throw new Error(`not a folded key: ${key}`)
      bytes[i + 1] = code
    }
    bytes[rest.length + 1] = NEWLINE
    writer.bytes(bytes)
    previous = key
  }
  return writer.finish()
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
const compareKey = (table: KeyTable, i: number, query: string): number => {
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

/** Key i's length in UTF-16 units. */
export const keyLength = (table: KeyTable, i: number): number =>
  (table.starts[i + 1] as number) - 1 - (table.starts[i] as number)

/** Whether key i begins with `query`. */
export const startsWithQuery = (table: KeyTable, i: number, query: string): boolean =>
  keyLength(table, i) >= query.length && table.text.startsWith(query, table.starts[i])

/** The number of the key that is `key` exactly, -1 where there is none. */
export const findKey = (table: KeyTable, key: string): number => {
  const found = lowerBound(table, key)
  return found < table.starts.length - 1 && compareKey(table, found, key) === 0 ? found : -1
}

/** Key i as a string (tests, the generator's checks). */
export const keyAt = (table: KeyTable, i: number): string =>
  table.text.slice(table.starts[i], (table.starts[i + 1] as number) - 1)

/**
 * Each place's (by rank) first own Latin-script key in key order, -1 where it has none: the file
 * leaves out an ASCII name that is this key in title case (titleCase in index-file.ts).
 */
export const findOwnKeys = (table: KeyTable, places: number, kinds: number): Int32Array => {
  const own = new Int32Array(places).fill(-1)
  const { text, starts, postingStarts, postings } = table
  for (let key = 0; key < starts.length - 1; key++) {
    if (text.charCodeAt(starts[key] as number) >= 0x80) continue
    for (let p = postingStarts[key] as number; p < (postingStarts[key + 1] as number); p++) {
      const posting = postings[p] as number
      const place = (posting - (posting % kinds)) / kinds
      if (posting % kinds === 0 && own[place] === -1) own[place] = key
    }
  }
  return own
}
