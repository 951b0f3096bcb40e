import type { Language } from './language.ts'

export type Strings = {
  /** BCP 47 locale for Intl: day-month order in English, as most of the world reads dates. */
  locale: string
  title: (city: City) => string
  description: (city: City) => string
  heading: (city: City) => string
  languageNav: string
  noScript: string
  api: string
  json: string
}

/** A place's name as each language's sentences need it. */
export type City = { name: string; inName: string }

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' }

export const STRINGS: Record<Language, Strings> = {
  en: {
    locale: 'en-GB',
    title: (city) => `Exact time ${city.inName}`,
    description: (city) =>
      `The current time ${city.inName} to the second, corrected for your device's clock, with the date, weekday and time zone.`,
    heading: (city) => `Time ${city.inName}`,
    languageNav: 'Language',
    noScript:
      'This is the time when the page loaded. Turn on JavaScript for a live clock that corrects for your device’s clock.',
    api: 'Time API',
    json: 'JSON',
  },
  ru: {
    locale: 'ru',
    title: (city) => `Точное время ${city.inName}`,
    description: (city) =>
      `Текущее время ${city.inName} с точностью до секунды, с поправкой на часы вашего устройства; дата, день недели и часовой пояс.`,
    heading: (city) => `Время ${city.inName}`,
    languageNav: 'Язык',
    noScript:
      'Это время на момент загрузки страницы. Включите JavaScript, чтобы часы шли и учитывали погрешность часов устройства.',
    api: 'API времени',
    json: 'JSON',
  },
}

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
