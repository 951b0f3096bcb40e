// One DB-IP MMDB file as ranges of zones: its networks walked, each record's place given a zone.
import { formatAddress } from './addresses.ts'
import type { Inputs } from './inputs.ts'
import { walkNetworks } from './mmdb-tree.ts'
import { mergeRanges, type Range, type ZonedNetwork } from './ranges.ts'
import { createZoneLookup } from './zone-lookup.ts'

export type Database = { ranges: Range[]; networks: number; built: string }

export function readDatabase(inputs: Inputs, file: string, bitLength: 32 | 128): Database {
  const db = inputs.readDatabase(file)
  const reader = new inputs.Reader(db)
  const { nodeCount, recordSize, searchTreeSize, buildEpoch } = reader.metadata
  const tree = db.subarray(0, searchTreeSize)
  const lookup = createZoneLookup(inputs.findZones)
  const zoneOfRecord = new Map<number, string | undefined>()
  let networks = 0
  const zoned = function* (): Generator<ZonedNetwork> {
    for (const network of walkNetworks({ tree, nodeCount, recordSize, bitLength })) {
      networks++
      let zone = zoneOfRecord.get(network.dataOffset)
      if (!zoneOfRecord.has(network.dataOffset)) {
        // mmdb-lib decodes the record; asking by address also checks our walk against its own.
        const [city, prefixLength] = reader.getWithPrefixLength(
          formatAddress(network.start, bitLength),
        )
        if (prefixLength !== network.prefixLength) {
          throw new Error(
            `${file}: walked /${network.prefixLength}, mmdb-lib says /${prefixLength}`,
          )
        }
        zone = lookup.zoneOf(city)
        zoneOfRecord.set(network.dataOffset, zone)
      }
      yield { start: network.start, prefixLength: network.prefixLength, zone }
    }
  }
  const ranges = mergeRanges(zoned(), bitLength)
  console.log(
    `${file}: ${networks} networks, ${zoneOfRecord.size} records, ${lookup.places()} places -> ${ranges.length} ranges`,
  )
  return { ranges, networks, built: buildEpoch.toISOString().slice(0, 10) }
}
