// IP addresses: parsed without allocating, and the special-use blocks that have no location.
import { isIP } from 'node:net'

/** An address as big-endian 32-bit words: one for IPv4, four for IPv6. */
export type IpAddress =
  | { readonly version: 4; readonly words: readonly [number] }
  | { readonly version: 6; readonly words: readonly [number, number, number, number] }

/** Special-use address blocks that have no location (IANA's special-purpose registries, mostly). */
export type SpecialUse =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'

// The longest address (ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255); also keeps isIP's regular
// expressions away from huge inputs.
const MAX_LENGTH = 45

// Scratch space for parseIpInto: lookups parse without allocating.
const groups = new Uint16Array(8)

const hexDigit = (code: number): number =>
  code <= 57 ? code - 48 : code <= 70 ? code - 55 : code - 87

const parseV4 = (text: string, from: number, to: number): number => {
  let value = 0
  let octet = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code === 46) {
      value = value * 256 + octet
      octet = 0
    } else octet = octet * 10 + code - 48
  }
  return value * 256 + octet
}

/**
 * Writes the address in text into out as words and returns its version, or 0 when text is not an
 * address. Only what node:net's isIP accepts is an address, less a zone id (`fe80::1%eth0`: it
 * names an interface of the sender's, and would carry any text into answers and logs).
 * IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is IPv4.
 */
export const parseIpInto = (text: string, out: Uint32Array): 0 | 4 | 6 => {
  if (text.length > MAX_LENGTH || text.includes('%')) return 0
  const version = isIP(text)
  if (version === 4) {
    out[0] = parseV4(text, 0, text.length)
    return 4
  }
  if (version !== 6) return 0
  const end = text.length
  let count = 0
  let gap = -1
  let value = 0
  let digits = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code === 58) {
      if (digits > 0) groups[count++] = value
      value = 0
      digits = 0
      if (text.charCodeAt(i + 1) === 58) {
        gap = count
        i++
      }
    } else if (code === 46) {
      // A dotted IPv4 tail: reread the group so far as its first decimal octet.
      const v4 = parseV4(text, i - digits, end)
      groups[count++] = v4 >>> 16
      groups[count++] = v4 & 0xffff
      digits = 0
      break
    } else {
      value = value * 16 + hexDigit(code)
      digits++
    }
  }
  if (digits > 0) groups[count++] = value
  if (gap >= 0) {
    const shift = 8 - count
    for (let k = count - 1; k >= gap; k--) groups[k + shift] = groups[k] as number
    groups.fill(0, gap, gap + shift)
  }
  for (let k = 0; k < 4; k++) {
    out[k] = (((groups[2 * k] as number) << 16) | (groups[2 * k + 1] as number)) >>> 0
  }
  if (out[0] === 0 && out[1] === 0 && out[2] === 0xffff) {
    out[0] = out[3] as number
    return 4
  }
  return 6
}

/** The address in text, or undefined when it is malformed (see parseIpInto for what passes). */
export const parseIp = (text: string): IpAddress | undefined => {
  const words = new Uint32Array(4)
  const version = parseIpInto(text, words)
  if (version === 4) return { version: 4, words: [words[0] as number] }
  if (version === 6) {
    const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = words
    return { version: 6, words: [w0, w1, w2, w3] }
  }
  return undefined
}

// The blocks as flat arrays (four words each, IPv4 in the first), so that a check allocates nothing.
const blocks: ReadonlyArray<readonly [cidr: string, use: SpecialUse]> = [
  // First match wins, so narrower blocks come before the blocks that contain them.
  ['0.0.0.0/8', 'unspecified'], // "this network"
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared'], // carrier-grade NAT
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'], // the retired 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // and 255.255.255.255, the limited broadcast
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // IPv4-compatible, deprecated (IPv4-mapped parses as IPv4)
  ['64:ff9b:1::/48', 'private'], // local-use NAT64
  ['100::/64', 'reserved'], // discard-only
  ['2001:2::/48', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'reserved'], // SRv6 segment identifiers
  ['fc00::/7', 'private'], // unique local
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'reserved'], // site-local, deprecated
  ['ff00::/8', 'multicast'],
]
// Parsed on first use: the IPv6 blocks compile node:net's IPv6 pattern, 10 ms of a cold start
// that no route but /api/ip needs.
let parsedBlocks:
  | { versions: Uint8Array; bases: Uint32Array; masks: Uint32Array; uses: SpecialUse[] }
  | undefined
const parseBlocks = () => {
  const versions = new Uint8Array(blocks.length)
  const bases = new Uint32Array(blocks.length * 4)
  const masks = new Uint32Array(blocks.length * 4)
  blocks.forEach(([cidr], b) => {
    const [address = '', length = ''] = cidr.split('/')
    const version = parseIpInto(address, bases.subarray(b * 4, b * 4 + 4))
    if (version === 0) throw new Error(`bad special-use block ${cidr}`)
    versions[b] = version
    for (let k = 0; k < 4; k++) {
      const bits = Math.min(32, Math.max(0, Number(length) - 32 * k))
      masks[b * 4 + k] = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
    }
  })
  return { versions, bases, masks, uses: blocks.map(([, use]) => use) }
}

/** The special use of parsed words (as parseIpInto writes them), or undefined for a public address. */
export const specialUseOfWords = (
  version: 4 | 6,
  words: ArrayLike<number>,
): SpecialUse | undefined => {
  parsedBlocks ??= parseBlocks()
  const { versions, bases, masks, uses } = parsedBlocks
  const length = version === 4 ? 1 : 4
  for (let b = 0; b < uses.length; b++) {
    if (versions[b] !== version) continue
    let k = 0
    while (
      k < length &&
      ((words[k] as number) & (masks[b * 4 + k] as number)) >>> 0 === bases[b * 4 + k]
    ) {
      k++
    }
    if (k === length) return uses[b]
  }
  return undefined
}

/** The special use of an address, or undefined for an address that may have a location. */
export const classifyIp = (address: IpAddress): SpecialUse | undefined =>
  specialUseOfWords(address.version, address.words)
