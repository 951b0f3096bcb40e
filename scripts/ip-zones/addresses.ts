// Addresses as the generator holds them (bigints) in the forms others take: words, text, parsed.
import type { IpAddress } from '../../src/ip/ip-address.ts'

/** An address as lookupParsed takes it. */
export const toAddress = (address: bigint, bitLength: 32 | 128): IpAddress => {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = toWords(address, bitLength)
  return bitLength === 32 ? { version: 4, words: [w0] } : { version: 6, words: [w0, w1, w2, w3] }
}

/** An address as big-endian 32-bit words: one for IPv4, four for IPv6. */
export const toWords = (address: bigint, bitLength: 32 | 128): number[] =>
  Array.from({ length: bitLength / 32 }, (_, k) =>
    Number((address >> BigInt(bitLength - 32 * (k + 1))) & 0xffffffffn),
  )

/** An address as text, dotted IPv4 or uncompressed IPv6, as mmdb-lib takes it. */
export function formatAddress(address: bigint, bitLength: 32 | 128): string {
  const [count, bits, radix, separator] = bitLength === 32 ? [4, 8, 10, '.'] : [8, 16, 16, ':']
  return Array.from({ length: count }, (_, k) =>
    Number((address >> BigInt(bitLength - bits * (k + 1))) & ((1n << BigInt(bits)) - 1n)).toString(
      radix,
    ),
  ).join(separator)
}
