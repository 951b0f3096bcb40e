// City names per zone and language, from CLDR's exemplar cities (data/cities, generated).
import data from '../../data/cities/cities.json' with { type: 'json' }

const cities = data.cities as Record<string, Record<string, string> | undefined>

/** The zone's city in `language`; English where that language has none; else the ID's last part. */
export const cityName = (zone: string, language: string): string => {
  const names = cities[zone]
  return names?.[language] ?? names?.en ?? (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')
}
