// Variable-length numbers and length-prefixed sections: the place index file's building blocks.

const utf8 = new TextEncoder()

export type ByteWriter = {
  /** A whole number >= 0, seven bits a byte, low bits first. */
  uint(value: number): void
  /** Any whole number, zigzag-coded (0, -1, 1, -2 ... as 0, 1, 2, 3 ...). */
  int(value: number): void
  bytes(data: Uint8Array): void
  /** A section: its length, then its bytes. */
  section(data: Uint8Array | string): void
  finish(): Uint8Array
}

export const createByteWriter = (): ByteWriter => {
  let buffer = new Uint8Array(1 << 16)
  let length = 0
  const reserve = (more: number) => {
    if (length + more <= buffer.length) return
    const bigger = new Uint8Array(Math.max(buffer.length * 2, length + more))
    bigger.set(buffer.subarray(0, length))
    buffer = bigger
  }
  const uint = (value: number) => {
    if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`not a count: ${value}`)
    reserve(8)
    let rest = value
    while (rest >= 0x80) {
      buffer[length++] = (rest % 0x80) | 0x80
      rest = Math.floor(rest / 0x80)
    }
    buffer[length++] = rest
  }
  const bytes = (data: Uint8Array) => {
    reserve(data.length)
    buffer.set(data, length)
    length += data.length
  }
  return {
    uint,
    int: (value) => uint(value < 0 ? -2 * value - 1 : 2 * value),
    bytes,
    section: (data) => {
      const raw = typeof data === 'string' ? utf8.encode(data) : data
      uint(raw.length)
      bytes(raw)
    },
    finish: () => buffer.slice(0, length),
  }
}

export type ByteReader = {
  uint(): number
  int(): number
  /** The next section's bytes (a view, not a copy). */
  section(): Uint8Array
  readonly offset: number
}

export const createByteReader = (data: Uint8Array, start = 0): ByteReader => {
  let at = start
  // Shifts while they stay below 2^31, multiplication past that: no float work for most numbers.
  const uint = () => {
    let value = 0
    for (let shift = 0; ; shift += 7) {
      const byte = data[at++]
      if (byte === undefined) throw new RangeError('index file cut short')
      value += shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
    }
  }
  return {
    uint,
    int: () => {
      const value = uint()
      return value % 2 === 0 ? value / 2 : -(value + 1) / 2
    },
    section: () => {
      const size = uint()
      if (at + size > data.length) throw new RangeError('index file cut short')
      at += size
      return data.subarray(at - size, at)
    },
    get offset() {
      return at
    },
  }
}
