// Checks an encoded table against the ranges it came from, through the service's own lookup.
import { specialUseOfWords } from '../../src/ip/ip-address.ts'
import { createIpZones } from '../../src/ip/ip-zones.ts'
import { decodeIpZones } from '../../src/ip/ip-zones-file.ts'
import { formatAddress, toAddress } from './addresses.ts'
import type { Range } from './ranges.ts'

/** Every range's first and last address must come back from the encoded table with its zone. */
export function verifyTable(bytes: Uint8Array, v4: Range[], v6: Range[]): void {
  const zones = createIpZones(decodeIpZones(bytes))
  const check = (ranges: Range[], bitLength: 32 | 128) => {
    ranges.forEach((range, i) => {
      const end = (ranges[i + 1]?.start ?? 1n << BigInt(bitLength)) - 1n
      for (const address of [range.start, end]) {
        const parsed = toAddress(address, bitLength)
        const found = zones.lookupParsed(parsed)
        // Special-use blocks answer no zone whatever the data says.
        const wanted = specialUseOfWords(parsed.version, parsed.words) ? undefined : range.zone
        if (found !== wanted) {
          throw new Error(
            `table says ${found} at ${formatAddress(address, bitLength)}, data ${wanted}`,
          )
        }
      }
    })
  }
  check(v4, 32)
  check(v6, 128)
}
