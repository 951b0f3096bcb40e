// A few GeoNames rows in the source's own format (cities500.txt), and the small index built
// from them with every rule of the real generator; zones come from a table, not geo-tz.
import { buildIndex } from '../../scripts/places/build-index.ts'
import { encodeIndex } from '../../scripts/places/encode-index.ts'
import { readGeoNamesRows } from '../../scripts/places/geonames.ts'
import { createPlaceIndex } from '../../src/places/place-index.ts'
import { createZoneRegistry } from '../../src/time/zones.ts'

type Row = [id: number, name: string, ascii: string, alternates: string, lat: number, lon: number]
type More = [code: string, country: string, admin1: string, population: number, zone: string]
const row = ([id, name, ascii, alternates, lat, lon]: Row, [code, cc, a1, pop, zone]: More) =>
  [
    id,
    name,
    ascii,
    alternates,
    lat,
    lon,
    'P',
    code,
    cc,
    '',
    a1,
    '',
    '',
    '',
    pop,
    '',
    100,
    zone,
    '2023-01-01',
  ].join('\t')

export const ROWS = [
  row(
    [524901, 'Moscow', 'Moscow', 'Moskau,Moskva,Moscou,Москва,Москвы,Масква', 55.75222, 37.61556],
    ['PPLC', 'RU', '48', 10381222, 'Europe/Moscow'],
  ),
  row(
    [5601538, 'Moscow', 'Moscow', 'Moscow,Москоу', 46.73239, -117.00017],
    ['PPLA2', 'US', 'ID', 25060, 'America/Los_Angeles'],
  ),
  row(
    [
      4409896,
      'Springfield',
      'Springfield',
      'SGF,Springfield,Спрингфийлд,Спрингфилд,Спрінгфілд',
      37.21533,
      -93.29824,
    ],
    ['PPLA2', 'US', 'MO', 166810, 'America/Chicago'],
  ),
  row(
    [
      4951788,
      'Springfield',
      'Springfield',
      'Springfield,Спрингфилд,Спрінгфілд',
      42.10148,
      -72.58981,
    ],
    ['PPLA2', 'US', 'MA', 154341, 'America/New_York'],
  ),
  row(
    [
      4250542,
      'Springfield',
      'Springfield',
      'Springfield,Спрингфилд,Спрингфиелд',
      39.80172,
      -89.64371,
    ],
    ['PPLA', 'US', 'IL', 116565, 'America/Chicago'],
  ),
  row(
    [551487, 'Kazan', 'Kazan', "Kazan',Kazan,Казань,Казан,Қазан,Хусан", 55.78874, 49.12214],
    ['PPLA', 'RU', '73', 1243500, 'Europe/Moscow'],
  ),
  row(
    [
      498817,
      'Saint Petersburg',
      'Saint Petersburg',
      'Leningrad,Sankt-Peterburg,St Petersburg,Санкт-Петербург,Санкт Петербург,Ленинград,Санкт-Пецярбург',
      59.93863,
      30.31413,
    ],
    ['PPLA', 'RU', '66', 5351935, 'Europe/Moscow'],
  ),
  row(
    [703448, 'Kyiv', 'Kyiv', 'Kiev,Kijev,Киев,Київ,Кијев,Кіеў', 50.45466, 30.5238],
    ['PPLC', 'UA', '12', 2797553, 'Europe/Kiev'],
  ),
  row(
    [
      3448439,
      'São Paulo',
      'Sao Paulo',
      'Sampa,Sao Paulo,Сан-Паулу,Сан Паулу,Сао Пауло,lun dun',
      23.5475,
      -46.63611,
    ],
    ['PPLA', 'BR', '27', 12400232, 'America/Sao_Paulo'],
  ),
  row(
    [2657896, 'Zürich', 'Zurich', 'Zuerich,Zurich,ZRH,Цюрих,Цирих', 47.36667, 8.55],
    ['PPLA', 'CH', 'ZH', 341730, 'Europe/Zurich'],
  ),
  row(
    [498677, 'Saratov', 'Saratov', 'Saratov,Саратов,Саратаў', 51.54056, 46.00861],
    ['PPLA', 'RU', '67', 844858, 'Europe/Volgograd'],
  ),
  // Its path's name (St_Louis) is none of its keys ("saint louis"): the file lists it as odd.
  row(
    [4407066, 'St. Louis', 'St. Louis', 'Saint Louis,St Louis,Сент-Луис', 38.62727, -90.19789],
    ['PPLA2', 'US', 'MO', 315685, 'America/Chicago'],
  ),
  row([111, 'Tiny', 'Tiny', '', 50.1, 30.1], ['PPL', 'UA', '12', 999, 'Europe/Kyiv']),
  row([112, 'Old Town', 'Old Town', '', 50.2, 30.2], ['PPLH', 'UA', '12', 50000, 'Europe/Kyiv']),
  row([113, 'Seat', 'Seat', '', 50.3, 30.3], ['PPLA3', 'UA', '12', 0, 'Europe/Kyiv']),
].join('\n')

/** The polygons' answer: Saratov's point is in Europe/Saratov, whatever the dump says. */
const POLYGONS: Record<string, string> = { '51.54056,46.00861': 'Europe/Saratov' }

const names = (entries: Record<string, [string, string]>) =>
  new Map(Object.entries(entries).map(([code, [en, ru]]) => [code, { en, ru }]))

export const buildFixture = () => {
  const rows = [...readGeoNamesRows(ROWS)]
  const zoneByRow = new Map(rows.map((r) => [`${r.latitude},${r.longitude}`, r.zone]))
  return buildIndex({
    rows,
    zoneAt: (lat, lon) => POLYGONS[`${lat},${lon}`] ?? zoneByRow.get(`${lat},${lon}`),
    listed: createZoneRegistry().listed,
    countries: names({
      RU: ['Russia', 'Россия'],
      US: ['United States', 'США'],
      UA: ['Ukraine', 'Украина'],
      BR: ['Brazil', 'Бразилия'],
      CH: ['Switzerland', 'Швейцария'],
    }),
    regions: names({
      'RU.48': ['Moscow', 'Москва'],
      'RU.73': ['Tatarstan', 'Татарстан'],
      'RU.66': ['St.-Petersburg', 'Санкт-Петербург'],
      'RU.67': ['Saratov Oblast', 'Саратовская область'],
      'US.ID': ['Idaho', 'Айдахо'],
      'US.MO': ['Missouri', 'Миссури'],
      'US.MA': ['Massachusetts', 'Массачусетс'],
      'US.IL': ['Illinois', 'Иллинойс'],
      'UA.12': ['Kyiv City', 'Киев'],
    }),
    exemplars: { 'Europe/Moscow': { en: 'Moscow', ru: 'Москва' } },
    locative: (name) => (name === 'Казань' ? 'Казани' : `${name}е`),
    source: { test: true },
  })
}

export const fixtureIndex = () => {
  const { tables } = buildFixture()
  return createPlaceIndex(encodeIndex(tables))
}
