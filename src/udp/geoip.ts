// ezTime's `GeoIP` query: the zone of the datagram's sender, by the rule /api/ip follows.
import { createAddressZone } from '../ip/address-zone.ts'
import { parseIp } from '../ip/ip-address.ts'
import type { IpZones } from '../ip/ip-zones.ts'
import type { ZoneRegistry } from '../time/zones.ts'

/**
 * The zone of an address from the IP table; an address with no location (loopback, private,
 * unlisted) gets `fallbackZone`, and with none (IP_FALLBACK_ZONE=none) there is no answer.
 */
export const createGeoIp = (
  zones: ZoneRegistry,
  ipZones: () => IpZones,
  fallbackZone: string | null,
): ((address: string) => string | undefined) => {
  const zoneOf = createAddressZone(zones, ipZones, fallbackZone)
  return (address) => {
    const parsed = parseIp(address)
    return (parsed ? zoneOf(parsed) : fallbackZone) ?? undefined
  }
}
