// City names per zone and language: CLDR's exemplar cities, extracted by
// scripts/generate-cities.ts into a small table, so the service never loads CLDR itself.
import data from '../../data/cities/cities.json' with { type: 'json' }

const cities: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> = data.cities

/**
 * The zone's city in `language` ('en', 'ru'). A language the table lacks gets English, as CLDR's
 * own fallback would; a zone it lacks (one newer than the table) gets its ID's last part, the same
 * fallback the generator uses, so a page can always be titled.
 */
export const cityName = (zone: string, language: string): string => {
  const names = cities[zone]
  return names?.[language] ?? names?.en ?? (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')
}
