// An address in its one canonical text form: dotted IPv4, RFC 5952 IPv6.
import type { IpAddress } from './ip-address.ts'

const dotted = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`

// RFC 5952 §4.2: the longest run of two or more zero groups, the first of equals.
const longestZeroRun = (groups: readonly number[]) => {
  let best = { at: -1, length: 1 }
  let at = -1
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (at < 0) at = i
    } else if (at >= 0) {
      if (i - at > best.length) best = { at, length: i - at }
      at = -1
    }
  }
  return best
}

/** `203.0.113.7`, `2001:db8::1`: lower-case hex, no leading zeros, the longest zero run as `::`. */
export const formatIp = (address: IpAddress): string => {
  if (address.version === 4) return dotted(address.words[0])
  const groups = address.words.flatMap((word) => [word >>> 16, word & 0xffff])
  const run = longestZeroRun(groups)
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((group) => group.toString(16))
      .join(':')
  if (run.at < 0) return hex(0, 8)
  return `${hex(0, run.at)}::${hex(run.at + run.length, 8)}`
}
