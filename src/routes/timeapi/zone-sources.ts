// Where timeapi.io's GET routes take their zone from: a name, an IP address or coordinates, each
// read from the query as ASP.NET binds it (any case of the name, the first value).
import { createAddressZone } from '../../ip/address-zone.ts'
import { parseIp } from '../../ip/ip-address.ts'
import type { IpZones } from '../../ip/ip-zones.ts'
import type { ZoneShapes } from '../../places/zone-at.ts'
import type { ZoneRegistry } from '../../time/zones.ts'
import { notValid, type Rejection, required, TIMEAPI_ERRORS, valueIn } from './answers.ts'

export type Query = Record<string, string | string[] | undefined>

export type ZoneSourceDeps = {
  zones: ZoneRegistry
  /** The IP-to-zone table, loaded on first use. */
  ipZones: () => IpZones
  /** The zone for addresses with no location; null: none. */
  ipFallbackZone: string | null
  /** The zone shapes (coordinates to zone), loaded on first use. */
  zoneShapes: () => ZoneShapes
}

/** A zone found, or why not. */
export type Located = { zone: string } | Rejection

/** The first value of the parameter `name`, its name matched in any case. */
const queryValue = (query: Query | undefined, name: string): string | undefined => {
  const value = query && valueIn(query, name)
  return Array.isArray(value) ? value[0] : value
}

// A number as .NET's invariant culture reads one: digits, a point, an exponent.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

const numberIn = (query: Query | undefined, name: string): number | Rejection => {
  const text = queryValue(query, name)?.trim()
  if (!text) return required(name)
  return NUMBER.test(text) ? Number(text) : notValid(name, 'number')
}

export const createZoneSources = ({
  zones,
  ipZones,
  ipFallbackZone,
  zoneShapes,
}: ZoneSourceDeps) => {
  const zoneOf = createAddressZone(zones, ipZones, ipFallbackZone)
  return {
    /** `timeZone=`: any case, links under their own name ("utc" is UTC). */
    byName(query: Query | undefined): Located {
      const name = queryValue(query, 'timeZone')
      if (!name) return required('timeZone')
      const zone = zones.resolve(name.trim())
      return zone ? { zone } : { text: TIMEAPI_ERRORS.zone }
    },
    /** `ipAddress=`: IPv4 as timeapi.io, IPv6 too; no location: the fallback zone. */
    byIp(query: Query | undefined): Located {
      const text = queryValue(query, 'ipAddress')?.trim()
      if (!text) return required('ipAddress')
      const address = parseIp(text)
      if (!address) return { text: TIMEAPI_ERRORS.ip }
      const zone = zoneOf(address)
      return zone ? { zone } : { text: TIMEAPI_ERRORS.ipUnknown }
    },
    /** `latitude=&longitude=`: the zone shapes; at sea the nautical Etc/GMT±N. */
    byCoordinates(query: Query | undefined): Located {
      const latitude = numberIn(query, 'latitude')
      if (typeof latitude !== 'number') return latitude
      const longitude = numberIn(query, 'longitude')
      if (typeof longitude !== 'number') return longitude
      // zoneShapes reads the file once (app.ts).
      const found = zoneShapes().zoneAt(latitude, longitude)
      // geo-tz's names, links among them, in the registry's spelling.
      const zone = found === undefined ? undefined : zones.resolve(found)
      return zone ? { zone } : { text: TIMEAPI_ERRORS.coordinates }
    },
  }
}
