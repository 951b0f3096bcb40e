// Writes data/ip-zones/ip-zones.bin.br, the IP table as the image ships it (Dockerfile, build
// stage): packed, then brotli-compressed (compressIpZones). The app reads it where the plain
// table is missing. Not committed: the plain table is the source.
import { readFileSync, writeFileSync } from 'node:fs'
import { compressIpZones } from '../src/ip/ip-zones.ts'

const table = new URL('../data/ip-zones/ip-zones.bin', import.meta.url)
const plain = readFileSync(table)
const compressed = compressIpZones(plain)
writeFileSync(new URL(`${table.href}.br`), compressed)
console.log(`data/ip-zones/ip-zones.bin.br: ${plain.length} bytes to ${compressed.length}`)
