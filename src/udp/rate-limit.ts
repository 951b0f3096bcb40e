// One answer per source per interval (the original timezoned's rule), in a table of bounded size.
import { parseIp } from '../ip/ip-address.ts'

/** The original server's interval, which ezTime's documentation asks users to respect. */
export const ANSWER_INTERVAL_MS = 3000
/**
 * Sources remembered at once. At about 90 bytes an entry (test/udp/rate-limit.test.ts measures
 * it), the full table takes 1.4 MiB; it fills only when more than 5,461 sources a second are
 * answered, and then the source answered longest ago is forgotten first.
 */
export const RATE_TABLE_CAPACITY = 16_384

export type RateLimiter = {
  /** Whether `key` may be answered at `now` (monotonic ms); if so, its interval starts now. */
  admit(key: string, now: number): boolean
  /** Sources in the table. */
  readonly size: number
  /** Sources forgotten before their interval was over, because the table was full. */
  readonly evicted: number
}

/**
 * The rate-limit key of a sender's address: IPv4 (mapped or not) as itself, IPv6 by its /64,
 * the smallest prefix a site is given, so one host cannot take a fresh address per datagram.
 */
export const sourceKey = (address: string): string => {
  const parsed = parseIp(address)
  if (!parsed) return address
  const [first, second = 0] = parsed.words
  return parsed.version === 4 ? String(first) : `${first.toString(16)}:${second.toString(16)}::/64`
}

export const createRateLimiter = ({
  intervalMs = ANSWER_INTERVAL_MS,
  capacity = RATE_TABLE_CAPACITY,
} = {}): RateLimiter => {
  // A ring of the answered sources in the order of their answers, the oldest at `head`, and each
  // source's slot in it: the stale and the oldest are always at the front, found in O(1).
  const keys: Array<string | undefined> = new Array(capacity)
  const times = new Float64Array(capacity)
  const slots = new Map<string, number>()
  let head = 0
  let count = 0
  let evicted = 0
  const forgetOldest = () => {
    slots.delete(keys[head] as string)
    keys[head] = undefined
    head = (head + 1) % capacity
    count--
  }
  return {
    admit(key, now) {
      while (count > 0 && now - (times[head] as number) >= intervalMs) forgetOldest()
      if (slots.has(key)) return false
      if (count === capacity) {
        forgetOldest()
        evicted++
      }
      const slot = (head + count) % capacity
      keys[slot] = key
      times[slot] = now
      slots.set(key, slot)
      count++
      return true
    },
    get size() {
      return count
    },
    get evicted() {
      return evicted
    },
  }
}
