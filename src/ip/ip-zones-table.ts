// The IP-to-zone table's shape and zone codes, shared by its generator, its file format and its reader.

/** Where the table came from: the DB-IP package, its database's build date, and geo-tz. */
export type IpZonesSource = {
  readonly package: string
  readonly version: string
  readonly built: string
  readonly geoTz: string
}

/**
 * Sorted range starts, each split into a head (its high bits) and a 16-bit low part, grouped by
 * head: the ranges of heads[h] are firsts[h] to firsts[h + 1] - 1. Range i runs from its start
 * to the next range's; codes[i] is its zone (see zoneIndexAt).
 */
export type BucketedRanges = {
  readonly heads: Uint32Array
  readonly firsts: Uint32Array
  readonly lows: Uint16Array
  readonly codes: Uint8Array
  /** The ranges coded RARE (sorted) and their zone indexes. */
  readonly rareAt: Uint32Array
  readonly rareZones: Uint16Array
}

/** The decoded table; each part covers its whole address space from address 0. */
export type IpZonesTable = {
  readonly source: IpZonesSource
  /** Zone names, the most frequent first, so that most ranges' zones fit in a byte. */
  readonly zones: readonly string[]
  /** IPv4 by the whole address: heads are the top 16 bits. */
  readonly v4: BucketedRanges
  /** IPv6 by the top 48 bits: heads are the first word; SPLIT sends a /48 on to v6Fine. */
  readonly v6: BucketedRanges
  /** The /48s inside which the zone changes, by whole addresses: four words per start. */
  readonly v6Fine: { readonly starts: Uint32Array; readonly zones: Uint16Array }
}

// Zone indexes; NO_ZONE is an address the database does not list.
export const NO_ZONE = 0xffff
export const SPLIT = 0xfffe
// Range codes: below FIRST_SPECIAL_CODE the zone index itself.
export const FIRST_SPECIAL_CODE = 253
export const NO_ZONE_CODE = 253
export const SPLIT_CODE = 254
export const RARE_CODE = 255
