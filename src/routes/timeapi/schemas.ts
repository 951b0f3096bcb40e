// timeapi.io's answers and request bodies as JSON schemas, for the OpenAPI document; the fields in
// the order the routes write them (a test holds the two together).

const int = (description?: string) => ({ type: 'integer', ...(description ? { description } : {}) })
const str = (description: string) => ({ type: 'string', description })
const object = (properties: Record<string, object>, description: string) => ({
  type: 'object',
  description,
  required: Object.keys(properties),
  properties,
})
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

const LOCAL = 'local wall-clock time, yyyy-MM-ddTHH:mm:ss with 0-7 fraction digits, no offset'
const clockFields = {
  year: int(),
  month: int(),
  day: int(),
  hour: int('0-23'),
  minute: int(),
  seconds: int(),
  milliSeconds: int('the fraction, truncated to milliseconds'),
  dateTime: str(LOCAL),
  date: str('MM/dd/yyyy'),
  time: str('HH:mm'),
}
const dstActive = { type: 'boolean', description: 'whether DST is in force (tzdb rearguard)' }
const dayOfWeek = {
  type: 'string',
  enum: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
}
const nullable = (name: string) => ({ oneOf: [ref(name), { type: 'null' }] })
const nullableString = (description: string) => ({ type: ['string', 'null'], description })
const bodyString = (description: string, example: string) => ({
  type: 'string',
  description,
  example,
})

const durationNames = ['days', 'nanosecondOfDay', 'hours', 'minutes', 'seconds', 'milliseconds']
const durationMore = ['subsecondTicks', 'subsecondNanoseconds', 'bclCompatibleTicks']
const durationTotals = [
  'Days',
  'Hours',
  'Minutes',
  'Seconds',
  'Milliseconds',
  'Ticks',
  'Nanoseconds',
]

/** The components/schemas of timeapi.io's operations. */
export const timeApiSchemas = {
  CurrentTime: object(
    { ...clockFields, timeZone: str('IANA name'), dayOfWeek, dstActive },
    'The time in a zone',
  ),
  Offset: object(
    { seconds: int(), milliseconds: int(), ticks: int('100 ns'), nanoseconds: int() },
    'An offset from UTC, in four units (negative west of UTC)',
  ),
  Duration: object(
    Object.fromEntries([
      ...[...durationNames, ...durationMore].map((name) => [name, int()]),
      ...durationTotals.map((unit) => [`total${unit}`, { type: 'number' }]),
    ]),
    "A duration, as NodaTime's Duration serializes it",
  ),
  DstInterval: object(
    {
      dstName: str('tzdb abbreviation, e.g. CEST'),
      dstOffsetToUtc: ref('Offset'),
      dstOffsetToStandardTime: ref('Offset'),
      dstStart: nullableString('UTC, yyyy-MM-ddTHH:mm:ssZ'),
      dstEnd: nullableString('UTC, yyyy-MM-ddTHH:mm:ssZ'),
      dstDuration: nullable('Duration'),
    },
    'The DST period in force, else the next to begin within a year',
  ),
  TimeZoneData: object(
    {
      timeZone: str('IANA name'),
      currentLocalTime: str(LOCAL),
      currentUtcOffset: ref('Offset'),
      standardUtcOffset: ref('Offset'),
      hasDayLightSaving: { type: 'boolean', description: 'DST now or within a year' },
      isDayLightSavingActive: { type: 'boolean' },
      dstInterval: nullable('DstInterval'),
    },
    "A zone's offsets now and its DST period",
  ),
  ConversionResult: object(
    { ...clockFields, timeZone: str('IANA name'), dstActive },
    'The converted time',
  ),
  Conversion: object(
    {
      fromTimezone: str('the source zone (lower-case z, as timeapi.io spells it)'),
      fromDateTime: str(LOCAL),
      toTimeZone: str('the target zone'),
      conversionResult: ref('ConversionResult'),
    },
    'A wall-clock time converted from one zone to another',
  ),
  Translation: object(
    {
      dateTime: str('as given'),
      languageCode: str('as given'),
      friendlyDateTime: str('the date and the time in words of the language'),
      friendlyDate: str('CLDR full date'),
      friendlyTime: str('CLDR medium time'),
    },
    'A wall-clock time in words of a language',
  ),
  CalculationResult: object({ ...clockFields, dstActive }, 'The time after the calculation'),
  Calculation: object(
    {
      timeZone: str('IANA name'),
      originalDateTime: str(LOCAL),
      usedTimeSpan: str('as given'),
      calculationResult: ref('CalculationResult'),
    },
    'A time plus or minus a time span (exact time)',
  ),
  DayOfTheWeek: object({ dayOfWeek }, 'The weekday of a date'),
  DayOfTheYear: object(
    { date: str('yyyy-MM-dd'), day: int('1-366') },
    'The day of the year of a date',
  ),
  ProblemDetails: {
    type: 'object',
    description: 'RFC 9457 problem details, as ASP.NET Core writes them',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      errors: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
    },
  },
}

const ambiguity = bodyString('"", "earlier" or "later": which of a twice-occurring time', '')
const zone = (example: string) => bodyString('IANA name, any case', example)
const wallTime = bodyString('yyyy-MM-dd HH:mm:ss[.fffffff]', '2021-03-14 17:45:00')
const span = bodyString('d:hh:mm:ss[.fff]', '1:00:00:00')

/** The request bodies, with examples the OpenAPI test sends. */
export const timeApiBodies = {
  ConvertRequest: {
    type: 'object',
    required: ['fromTimeZone', 'dateTime', 'toTimeZone'],
    properties: {
      fromTimeZone: zone('Europe/Amsterdam'),
      dateTime: wallTime,
      toTimeZone: zone('America/Los_Angeles'),
      dstAmbiguity: ambiguity,
    },
  },
  TranslationRequest: {
    type: 'object',
    required: ['dateTime', 'languageCode'],
    properties: { dateTime: wallTime, languageCode: bodyString('a language, e.g. de', 'de') },
  },
  CalculationRequestCurrent: {
    type: 'object',
    required: ['timeZone', 'timeSpan'],
    properties: { timeZone: zone('UTC'), timeSpan: span },
  },
  CalculationRequestCustom: {
    type: 'object',
    required: ['timeZone', 'dateTime', 'timeSpan'],
    properties: {
      timeZone: zone('Europe/Rome'),
      dateTime: wallTime,
      timeSpan: span,
      dstAmbiguity: ambiguity,
    },
  },
}
