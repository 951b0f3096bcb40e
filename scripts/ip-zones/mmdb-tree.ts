// Walks an MMDB search tree (MaxMind DB format 2.0) for its networks, without decoding records.

/** A leaf of an MMDB search tree: a network and the offset of its record in the data section. */
export type Network = { start: bigint; prefixLength: number; dataOffset: number }
export type SearchTree = {
  tree: Uint8Array
  nodeCount: number
  recordSize: number
  bitLength: 32 | 128
}

// The MMDB spec puts 16 zero bytes between the search tree and the data section.
const DATA_SECTION_SEPARATOR = 16

/** Every network with a record, in address order (MaxMind DB format 2.0, "Search Tree Section"). */
export function* walkNetworks({
  tree,
  nodeCount,
  recordSize,
  bitLength,
}: SearchTree): Generator<Network> {
  const readRecord = recordReader(tree, recordSize)
  // Depth-first, left before right, so networks come out sorted.
  const stack: Array<[record: number, depth: number, prefix: bigint]> = [[0, 0, 0n]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [record, depth, prefix] = top
    if (record < nodeCount) {
      if (depth === bitLength) throw new Error(`search tree deeper than ${bitLength} bits`)
      stack.push([readRecord(record, 1), depth + 1, (prefix << 1n) | 1n])
      stack.push([readRecord(record, 0), depth + 1, prefix << 1n])
    } else if (record > nodeCount) {
      const start = prefix << BigInt(bitLength - depth)
      yield { start, prefixLength: depth, dataOffset: record - nodeCount - DATA_SECTION_SEPARATOR }
    }
  }
}

function recordReader(
  tree: Uint8Array,
  recordSize: number,
): (node: number, right: 0 | 1) => number {
  const u24 = (at: number) =>
    ((tree[at] as number) << 16) | ((tree[at + 1] as number) << 8) | (tree[at + 2] as number)
  switch (recordSize) {
    case 24:
      return (node, right) => u24(node * 6 + right * 3)
    case 28:
      // The middle byte holds the high nibbles: left's on top, right's below.
      return (node, right) => {
        const at = node * 7
        const middle = tree[at + 3] as number
        return right
          ? (middle & 0x0f) * 0x1000000 + u24(at + 4)
          : (middle >> 4) * 0x1000000 + u24(at)
      }
    case 32:
      return (node, right) => {
        const at = node * 8 + right * 4
        return (tree[at] as number) * 0x1000000 + u24(at + 1)
      }
  }
  throw new Error(`unsupported MMDB record size ${recordSize}`)
}
