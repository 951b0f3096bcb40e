// Writes each run-time table's `<file>.br`, the form the image ships (Dockerfile, build stage):
// every reader takes `<file>.br` where the plain file is missing. Not committed: the plain
// files are the source.
import { readFileSync, writeFileSync } from 'node:fs'
import { compressIpZones } from '../src/ip/ip-zones.ts'
import { compressIndexFile } from '../src/places/place-index.ts'
import { compressZoneShapes } from '../src/places/zone-at.ts'

type Table = { file: string; compress: (plain: Uint8Array) => Uint8Array }

export const TABLES: readonly Table[] = [
  // Packed into byte planes of differences first (src/ip/ip-zones-pack.ts).
  { file: 'data/ip-zones/ip-zones.bin', compress: compressIpZones },
  { file: 'data/zone-shapes/zone-shapes.bin', compress: compressZoneShapes },
  { file: 'data/places/places.bin', compress: compressIndexFile },
]

const root = new URL('../', import.meta.url)
for (const { file, compress } of TABLES) {
  const plain = readFileSync(new URL(file, root))
  const compressed = compress(plain)
  writeFileSync(new URL(`${file}.br`, root), compressed)
  console.log(`${file}.br: ${plain.length} bytes to ${compressed.length}`)
}
