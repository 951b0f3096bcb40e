// Places as the index gives them, written out: the render tests need no index.
import type { Place } from '../../src/places/place-index.ts'

const russia = { en: 'Russia', ru: 'Россия' }
const us = { en: 'United States', ru: 'Соединенные Штаты' }

export const KAZAN: Place = {
  index: 0,
  name: 'Kazan',
  ascii: 'Kazan',
  ru: 'Казань',
  ruIn: 'Казани',
  country: 'RU',
  admin1: '73',
  latitude: 55.789,
  longitude: 49.122,
  population: 1_243_500,
  zone: 'Europe/Moscow',
  path: '/city/Kazan',
  countryName: russia,
  region: { en: 'Tatarstan Republic', ru: 'Татарстан' },
}

export const springfield = (
  state: string,
  ruState: string,
  population: number,
  zone = 'America/Chicago',
): Place => ({
  index: 1,
  name: 'Springfield',
  ascii: 'Springfield',
  ru: 'Спрингфилд',
  ruIn: 'Спрингфилде',
  country: 'US',
  admin1: state.slice(0, 2).toUpperCase(),
  latitude: 39.8,
  longitude: -89.644,
  population,
  zone,
  path: `/city/Springfield/US/${state}`,
  countryName: us,
  region: { en: state, ru: ruState },
})

/** A place with no Russian name and no region: both languages fall back. */
export const NAMELESS: Place = {
  ...KAZAN,
  name: 'Brzeg Dolny',
  ascii: 'Brzeg Dolny',
  ru: '',
  ruIn: '',
  country: 'PL',
  path: '/city/Brzeg_Dolny',
  zone: 'Europe/Warsaw',
  population: 0,
  countryName: { en: 'Poland', ru: 'Польша' },
  region: undefined,
}
