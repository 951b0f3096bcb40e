// Sunrise and sunset by NOAA's solar calculator, apart from suncalc, which the pages use.
const rad = Math.PI / 180

/**
 * Sunrise and sunset (epoch ms) by NOAA's solar calculator equations (Meeus's low-precision sun),
 * written out here apart from suncalc, which the page uses; null for polar day or night.
 */
export const noaaSun = (dayMs: number, latitude: number, longitude: number) => {
  const julianDay = dayMs / 86_400_000 + 2_440_587.5 + 0.5
  const t = (julianDay - 2_451_545) / 36_525
  const meanLong = (280.46646 + t * (36_000.76983 + t * 0.0003032)) % 360
  const meanAnomaly = 357.52911 + t * (35_999.05029 - 0.0001537 * t)
  const eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t)
  const center =
    Math.sin(meanAnomaly * rad) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
    Math.sin(2 * meanAnomaly * rad) * (0.019993 - 0.000101 * t) +
    Math.sin(3 * meanAnomaly * rad) * 0.000289
  const apparentLong =
    meanLong + center - 0.00569 - 0.00478 * Math.sin((125.04 - 1934.136 * t) * rad)
  const obliquity =
    23 +
    (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60 +
    0.00256 * Math.cos((125.04 - 1934.136 * t) * rad)
  const declination = Math.asin(Math.sin(obliquity * rad) * Math.sin(apparentLong * rad))
  const y = Math.tan((obliquity / 2) * rad) ** 2
  const equationOfTime =
    (4 *
      (y * Math.sin(2 * meanLong * rad) -
        2 * eccentricity * Math.sin(meanAnomaly * rad) +
        4 * eccentricity * y * Math.sin(meanAnomaly * rad) * Math.cos(2 * meanLong * rad) -
        0.5 * y * y * Math.sin(4 * meanLong * rad) -
        1.25 * eccentricity * eccentricity * Math.sin(2 * meanAnomaly * rad))) /
    rad
  const cosHourAngle =
    Math.cos(90.833 * rad) / (Math.cos(latitude * rad) * Math.cos(declination)) -
    Math.tan(latitude * rad) * Math.tan(declination)
  if (Math.abs(cosHourAngle) > 1) return null
  const hourAngle = Math.acos(cosHourAngle) / rad
  const noonMinutes = 720 - 4 * longitude - equationOfTime
  return {
    rise: dayMs + (noonMinutes - 4 * hourAngle) * 60_000,
    set: dayMs + (noonMinutes + 4 * hourAngle) * 60_000,
  }
}
