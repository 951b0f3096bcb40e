// Writes data/zone-shapes/zone-shapes.bin.br, the shapes as the image ships them (brotli at its
// highest quality); src/places/zone-at.ts reads it where the plain file is missing. Not
// committed: the plain file is the source.
import { readFileSync, writeFileSync } from 'node:fs'
import { compressZoneShapes } from '../../src/places/zone-at.ts'

const file = new URL('../../data/zone-shapes/zone-shapes.bin', import.meta.url)
const plain = readFileSync(file)
const compressed = compressZoneShapes(plain)
writeFileSync(new URL(`${file.href}.br`), compressed)
console.log(`data/zone-shapes/zone-shapes.bin.br: ${plain.length} bytes to ${compressed.length}`)
