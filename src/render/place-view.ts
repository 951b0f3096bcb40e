// A place of the index as the pages show it: its name in the page's language, where it lies, its
// country's page, its population.
import type { Language } from '../i18n/languages.ts'
import type { City } from '../i18n/pack.ts'
import { languageQuery, placeWhere } from '../page-contract/search.ts'
import type { Place } from '../places/place-index.ts'

/** Where a country's page is: `/country/RU`, and its further pages `/country/RU/2`. */
export const COUNTRY_PREFIX = '/country/'

export const countryPath = (code: string, page = 1) =>
  `${COUNTRY_PREFIX}${code}${page > 1 ? `/${page}` : ''}`

/** What the clock page adds for a place: where it is, and the coordinates of its sun. */
export type PagePlace = {
  city: City
  region: string | undefined
  country: string
  countryPath: string
  latitude: number
  longitude: number
}

/**
 * The place's name in the sentences of a language: Russian uses its Russian name and locative
 * ("в Казани") where the index has one, else the name as GeoNames writes it ("в Brzeg Dolny").
 */
export const placeCity = (place: Place, language: Language): City => {
  if (language !== 'ru') return { name: place.name, inName: `in ${place.name}` }
  if (!place.ru) return { name: place.name, inName: `в ${place.name}` }
  return { name: place.ru, inName: `в ${place.ruIn || place.ru}` }
}

export const pagePlaceOf = (place: Place, language: Language): PagePlace => ({
  city: placeCity(place, language),
  region: place.region?.[language],
  country: place.countryName[language],
  countryPath: countryPath(place.country),
  latitude: place.latitude,
  longitude: place.longitude,
})

/** "Illinois, United States", or just the region where the country is given by the page. */
export const whereOf = (place: Place, language: Language, withCountry = true) =>
  withCountry
    ? placeWhere(place.region?.[language], place.countryName[language])
    : (place.region?.[language] ?? '')

/** A link to a place's page, keeping the page's language. */
export const placeHref = (place: Place, language: Language) => place.path + languageQuery(language)
