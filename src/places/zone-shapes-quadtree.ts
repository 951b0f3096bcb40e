// The quadtree's cells as geo-tz computes them, and geo-tz's answer at sea.

// geo-tz's quadtree: its root, and the limits it clamps a point to before descending.
export const MAX_LAT = 89.9999
export const MAX_LON = 179.9999

/** A quadtree cell as geo-tz computes it: children split at mid, computed in this very order. */
export type Bounds = {
  top: number
  bottom: number
  left: number
  right: number
  midLat: number
  midLon: number
}

export const ROOT: Bounds = {
  top: MAX_LAT,
  bottom: -MAX_LAT,
  left: -MAX_LON,
  right: MAX_LON,
  midLat: 0,
  midLon: 0,
}

/** Child 0-3 (geo-tz's a, b, c, d: NE, NW, SW, SE) of a cell, with the same float arithmetic. */
export const childBounds = (b: Bounds, quadrant: number): Bounds => {
  const north = quadrant < 2
  const east = quadrant === 0 || quadrant === 3
  const top = north ? b.top : b.midLat
  const bottom = north ? b.midLat : b.bottom
  const left = east ? b.midLon : b.left
  const right = east ? b.right : b.midLon
  return { top, bottom, left, right, midLat: (top + bottom) / 2, midLon: (left + right) / 2 }
}

/**
 * The nautical zone at a longitude, as geo-tz answers at sea (its first answer): 15-degree bands
 * centred on multiples of 15, a point on a band's edge in the eastern one, and +-180 in
 * Etc/GMT+12. The sign is POSIX's: Etc/GMT-3 is UTC+3.
 */
export const oceanZoneAt = (lon: number): string =>
  lon === 180 || lon === -180
    ? 'Etc/GMT+12'
    : (SEA_ZONES[Math.min(12, Math.max(-12, Math.floor((lon + 7.5) / 15))) + 12] as string)

// UTC-12 to UTC+12, made once so that a lookup allocates nothing.
const SEA_ZONES = Array.from({ length: 25 }, (_, i) =>
  i === 12 ? 'Etc/GMT' : i > 12 ? `Etc/GMT-${i - 12}` : `Etc/GMT+${12 - i}`,
)
