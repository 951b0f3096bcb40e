// The IP table rearranged for the image's compression (byte planes of differences), and back.
import { MAGIC, type Placed, readLayout } from './ip-zones-file.ts'

const PACKED_MAGIC = 'IPZp'

/** The file's u32 and u16 arrays (the u8s compress as they are). */
const planesOf = (file: Uint8Array, magic: string) =>
  readLayout(file, magic).arrays.filter(
    (array): array is Placed & { size: 2 | 4 } => array.size !== 1,
  )

const wordsAt = (file: Uint8Array, at: number, length: number, size: 2 | 4) =>
  size === 4
    ? new Uint32Array(file.buffer, file.byteOffset + at, length)
    : new Uint16Array(file.buffer, file.byteOffset + at, length)

/**
 * The file rearranged to compress better, for the image (src/ip/ip-zones.ts compresses it):
 * every u32 and u16 array split into byte planes (all first bytes, then all second bytes, ...),
 * the sorted ones (heads, firsts, rare ranges, lows) stored as differences from the element
 * before, modulo the word. Same length; unpackIpZones restores the file byte for byte.
 */
export const packIpZones = (file: Uint8Array): Uint8Array => {
  // Copies (new Uint8Array, not slice(), which is a view for a Buffer), aligned for typed arrays.
  const packed = new Uint8Array(file)
  packed.set(new TextEncoder().encode(PACKED_MAGIC), 0)
  const aligned = file.byteOffset % 4 === 0 ? file : new Uint8Array(file)
  for (const { at, count: length, size, sorted } of planesOf(aligned, MAGIC)) {
    const words = wordsAt(aligned, at, length, size)
    let previous = 0
    for (let i = 0; i < length; i++) {
      const word = words[i] as number
      const value = sorted ? word - previous : word
      previous = word
      for (let k = 0; k < size; k++) packed[at + k * length + i] = (value >>> (8 * k)) & 0xff
    }
  }
  return packed
}

/**
 * The table's own bytes back from packIpZones', restored in place (the packed bytes are fresh from
 * the decompressor, and a 5.9 MB copy costs more page faults than the restoring itself).
 */
export const unpackIpZones = (packed: Uint8Array): Uint8Array => {
  // Typed arrays need aligned offsets: a misaligned buffer is copied once (new Uint8Array copies).
  const file = packed.byteOffset % 4 === 0 ? packed : new Uint8Array(packed)
  const planes = planesOf(file, PACKED_MAGIC)
  const scratch = new Uint8Array(Math.max(0, ...planes.map((plane) => plane.count * plane.size)))
  for (const { at, count: length, size, sorted } of planes) {
    scratch.set(file.subarray(at, at + length * size))
    const words = wordsAt(file, at, length, size)
    // One loop per word size: the first /api/ip waits for this.
    if (size === 2) {
      for (let i = 0, previous = 0; i < length; i++) {
        const value = (scratch[i] as number) | ((scratch[length + i] as number) << 8)
        previous = sorted ? (previous + value) & 0xffff : value
        words[i] = previous
      }
    } else {
      for (let i = 0, previous = 0; i < length; i++) {
        const value =
          (scratch[i] as number) |
          ((scratch[length + i] as number) << 8) |
          ((scratch[2 * length + i] as number) << 16) |
          ((scratch[3 * length + i] as number) << 24)
        previous = sorted ? (previous + value) | 0 : value
        words[i] = previous
      }
    }
  }
  file.set(new TextEncoder().encode(MAGIC), 0)
  return file
}
