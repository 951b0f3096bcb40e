// ezTime's timezoned protocol on UDP (docs/devices.md): one datagram in, at most one answer out.
import { createSocket, type RemoteInfo } from 'node:dgram'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { isIP } from 'node:net'
import type { Registry } from 'prom-client'
import type { IpZones } from '../ip/ip-zones.ts'
import type { ZoneRegistry } from '../time/zones.ts'
import { MAX_ANSWER, readQuery } from './datagram.ts'
import { createGeoIp } from './geoip.ts'
import { createLogSampler } from './log-sampler.ts'
import { createRateLimiter, type RateLimiter, sourceKey } from './rate-limit.ts'
import { createTimezonedLookup } from './timezoned-lookup.ts'
import { createTimezonedMetrics, type DropReason } from './timezoned-metrics.ts'

type Log = {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

export type TimezonedOptions = {
  port: number
  host: string
  zones: ZoneRegistry
  ipZones: () => IpZones
  /** IP_FALLBACK_ZONE: the zone of senders with no location; null: `ERROR GeoIP Lookup Failed`. */
  fallbackZone: string | null
  registry: Registry
  log: Log
  /** The rate limit and the clock it reads (monotonic ms); tests shorten or fill them. */
  limiter?: RateLimiter
  now?: () => number
  /** The rate-limit key of a sender; tests make many senders of one address. */
  keyOf?: (from: RemoteInfo) => string
}

export type Timezoned = { address(): AddressInfo; close(): Promise<void> }

/** Binds the listener (a host that is no IPv6 address binds IPv4) and answers until closed. */
export const startTimezoned = async (options: TimezonedOptions): Promise<Timezoned> => {
  const { zones, registry, log, limiter = createRateLimiter() } = options
  const { now = () => performance.now(), keyOf = (from) => sourceKey(from.address) } = options
  const lookup = createTimezonedLookup(zones)
  const geoip = createGeoIp(zones, options.ipZones, options.fallbackZone)
  const metrics = createTimezonedMetrics(registry, limiter)
  const sampler = createLogSampler()
  const socket = createSocket(isIP(options.host) === 6 ? 'udp6' : 'udp4')

  const drop = (reason: DropReason, from: RemoteInfo) => {
    metrics.dropped(reason)
    const held = sampler.take(now())
    if (held !== undefined) log.info({ ip: from.address, drop: reason, held }, 'timezoned')
  }
  socket.on('message', (datagram, from) => {
    const read = readQuery(datagram)
    if ('drop' in read) return drop(read.drop, from)
    if (!limiter.admit(keyOf(from), now())) return drop('rate_limited', from)
    const answer = lookup.answer(read.query, () => geoip(from.address))
    const bytes = Buffer.from(answer.text, 'latin1').subarray(0, MAX_ANSWER)
    metrics.answered(answer.kind)
    // Counted as answered too: the answer was made, the system refused to send it.
    socket.send(bytes, from.port, from.address, (error) => {
      if (error) drop('send_failed', from)
    })
    const held = sampler.take(now())
    if (held !== undefined)
      log.info(
        { ip: from.address, query: read.query.slice(0, 64), answer: answer.kind, held },
        'timezoned',
      )
  })
  // A failed send or receive must not end the process; bind errors reject below instead.
  socket.on('error', (error) => log.error({ err: error }, 'timezoned socket error'))
  const listening = once(socket, 'listening')
  socket.bind(options.port, options.host)
  await listening
  return {
    address: () => socket.address(),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}
