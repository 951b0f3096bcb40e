// The zone of an address, by the rule every IP route follows (worldtimeapi's, time.now's,
// timeapi.io's, ezTime's GeoIP): the IP table's zone in the registry's spelling, else the fallback.
import type { ZoneRegistry } from '../time/zones.ts'
import type { IpAddress } from './ip-address.ts'
import type { IpZones } from './ip-zones.ts'

/** `fallbackZone` for an address with no location (private, unlisted); null: none (a 404). */
export const createAddressZone = (
  zones: ZoneRegistry,
  ipZones: () => IpZones,
  fallbackZone: string | null,
): ((address: IpAddress) => string | null) => {
  let table: IpZones | undefined
  return (address) => {
    table ??= ipZones()
    const found = table.lookupParsed(address)
    return (found && zones.resolve(found)) ?? fallbackZone
  }
}
