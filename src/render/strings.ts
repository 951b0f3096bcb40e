import type { Language } from '../i18n/languages.ts'
import type { City } from '../i18n/pack.ts'

// Russian declines city names, so the known ones are spelled out; others fall back to the zone id.
const CITIES: Record<string, Record<Language, City>> = {
  'Europe/Moscow': {
    en: { name: 'Moscow', inName: 'in Moscow' },
    ru: { name: 'Москва', inName: 'в Москве' },
  },
}

export const cityOf = (timeZone: string, language: Language): City => {
  const known = CITIES[timeZone]?.[language]
  if (known) return known
  const name = (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ')
  return { name, inName: language === 'ru' ? `в зоне ${name}` : `in ${name}` }
}
