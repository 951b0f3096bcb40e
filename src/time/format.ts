// Clock digits and UTC offsets as ISO 8601 writes them: one way for the API, the page and its script.

/** Two digits: `7` as `07`. */
export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** "+03:00", "-03:30", "+00:00": minutes east of UTC (whole minutes; seconds are dropped). */
export const formatIsoOffset = (minutes: number): string => {
  const size = Math.floor(Math.abs(minutes))
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(size / 60))}:${pad2(size % 60)}`
}

/** "16:20:31": a time of day given as seconds since midnight. */
export const formatTimeOfDay = (second: number): string =>
  `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`
