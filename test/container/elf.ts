// Just enough of ELF64 (little-endian) to compare two builds of one executable section by section.

export type Section = { name: string; loaded: boolean; bytes: Buffer }

const SHF_ALLOC = 0x2n
const SHT_NOBITS = 8

/** Every named section with its bytes; `loaded` for those the loader maps into memory. */
export const readSections = (file: Buffer): Section[] => {
  if (file.readUInt32BE(0) !== 0x7f454c46 || file[4] !== 2 || file[5] !== 1)
    throw new Error('not a little-endian ELF64 file')
  const tableAt = Number(file.readBigUInt64LE(0x28))
  const entrySize = file.readUInt16LE(0x3a)
  const count = file.readUInt16LE(0x3c)
  const namesIndex = file.readUInt16LE(0x3e)
  const header = (i: number) => {
    const at = tableAt + i * entrySize
    return {
      name: file.readUInt32LE(at),
      type: file.readUInt32LE(at + 4),
      flags: file.readBigUInt64LE(at + 8),
      offset: Number(file.readBigUInt64LE(at + 0x18)),
      size: Number(file.readBigUInt64LE(at + 0x20)),
    }
  }
  const names = header(namesIndex)
  const nameAt = (offset: number) => {
    const start = names.offset + offset
    return file.toString('latin1', start, file.indexOf(0, start))
  }
  return Array.from({ length: count }, (_, i) => header(i))
    .filter((section) => section.name !== 0)
    .map((section) => ({
      name: nameAt(section.name),
      loaded: (section.flags & SHF_ALLOC) !== 0n,
      bytes:
        section.type === SHT_NOBITS
          ? Buffer.alloc(0)
          : file.subarray(section.offset, section.offset + section.size),
    }))
}
