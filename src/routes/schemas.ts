// JSON schemas shared by the routes (fast serialization, fixed field order) and the OpenAPI document.

export const timeObjectSchema = {
  type: 'object',
  description: 'The time in a zone, field for field as worldtimeapi.org returns it.',
  required: [
    'abbreviation',
    'client_ip',
    'datetime',
    'day_of_week',
    'day_of_year',
    'dst',
    'dst_from',
    'dst_offset',
    'dst_until',
    'raw_offset',
    'timezone',
    'unixtime',
    'utc_datetime',
    'utc_offset',
    'week_number',
  ],
  properties: {
    abbreviation: { type: 'string', description: 'tzdb abbreviation in force, e.g. MSK, EDT, +04' },
    client_ip: { type: 'string', description: 'the caller as this service sees it' },
    datetime: { type: 'string', description: 'local time, ISO 8601 with microseconds and offset' },
    day_of_week: { type: 'integer', minimum: 0, maximum: 6, description: '0 = Sunday' },
    day_of_year: { type: 'integer', minimum: 1, maximum: 366 },
    dst: { type: 'boolean' },
    dst_from: { type: ['string', 'null'], description: 'UTC instant the current DST began' },
    dst_offset: { type: 'integer', description: 'seconds of DST now in force (0 if none)' },
    dst_until: { type: ['string', 'null'], description: 'UTC instant the current DST ends' },
    raw_offset: { type: 'integer', description: "seconds of the zone's standard offset" },
    timezone: { type: 'string' },
    unixtime: { type: 'integer', description: 'whole seconds since 1970-01-01T00:00:00Z' },
    utc_datetime: { type: 'string' },
    utc_offset: { type: 'string', pattern: '^[+-]\\d{2}:\\d{2}$' },
    week_number: { type: 'integer', minimum: 1, maximum: 53, description: 'ISO 8601 week' },
  },
  additionalProperties: false,
} as const

export const zoneListSchema = {
  type: 'array',
  items: { type: 'string' },
  description: 'IANA zone names, sorted',
} as const

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' } },
  additionalProperties: false,
} as const

export const statusSchema = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string' },
    tzdb: { type: 'string', description: 'The tzdb release the zone rules come from' },
  },
  additionalProperties: false,
} as const

/** Text variant of a time object: one `key: value` line per field, in the JSON's order. */
export const formatTimeText = (time: Record<string, unknown>): string => {
  let text = ''
  for (const key of timeObjectSchema.required) text += `${key}: ${time[key] ?? ''}\n`
  // As worldtimeapi.org sent it: no newline after the last line (clients parse by offsets).
  return text.slice(0, -1)
}

export const placeSchema = {
  type: 'object',
  description: 'A place: GeoNames (https://www.geonames.org, CC BY 4.0)',
  required: [
    'name',
    'region',
    'country',
    'country_name',
    'timezone',
    'latitude',
    'longitude',
    'population',
    'page',
  ],
  properties: {
    name: { type: 'string', description: 'in lang; English where the place has no Russian name' },
    region: {
      type: ['string', 'null'],
      description: 'first-level division (state, oblast, ...) in lang; null where none',
    },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
    country_name: { type: 'string', description: 'in lang (CLDR)' },
    timezone: { type: 'string', description: "IANA zone at the place's coordinates" },
    latitude: { type: 'number' },
    longitude: { type: 'number' },
    population: { type: 'integer', minimum: 0, description: 'as GeoNames counts it; 0 unknown' },
    page: { type: 'string', description: "path of the place's clock page, e.g. /city/Kazan" },
  },
  additionalProperties: false,
} as const

export const placeListSchema = {
  type: 'array',
  items: placeSchema,
  description: 'Places, best match first',
} as const
