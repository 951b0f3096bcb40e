// The instant the HTTP tests' clock is fixed at, and design.md's example: Moscow at that instant.
export const FIXED_INSTANT = '2026-11-27T13:20:31.123456Z'

export const MOSCOW_AT_FIXED_INSTANT = {
  abbreviation: 'MSK',
  datetime: '2026-11-27T16:20:31.123456+03:00',
  day_of_week: 5,
  day_of_year: 331,
  dst: false,
  dst_from: null,
  dst_offset: 0,
  dst_until: null,
  raw_offset: 10800,
  timezone: 'Europe/Moscow',
  unixtime: 1795785631,
  utc_datetime: '2026-11-27T13:20:31.123456+00:00',
  utc_offset: '+03:00',
  week_number: 48,
}

/** Text with its no-break spaces as plain ones, for comparing what the page says. */
export const plain = (text: string | null | undefined): string =>
  (text ?? '').replaceAll('\u00a0', ' ')
