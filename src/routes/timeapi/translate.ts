// A wall-clock time in words of a language (POST /api/Conversion/Translate), as .NET's "D", "T"
// and "F" formats write it: CLDR's full date and medium time, from the runtime's own Intl.

type Friendly = { friendlyDateTime: string; friendlyDate: string; friendlyTime: string }

// A BCP 47 tag's shape; Intl itself decides whether it knows the language.
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/
const MAX_CACHED = 64

const formatters = new Map<string, [date: Intl.DateTimeFormat, time: Intl.DateTimeFormat]>()

const formattersOf = (language: string) => {
  let pair = formatters.get(language)
  if (!pair) {
    if (formatters.size >= MAX_CACHED) formatters.clear()
    // The wall clock is given as a UTC instant, so no zone's rules are read.
    const options = { timeZone: 'UTC' } as const
    pair = [
      new Intl.DateTimeFormat(language, { ...options, dateStyle: 'full' }),
      new Intl.DateTimeFormat(language, { ...options, timeStyle: 'medium' }),
    ]
    formatters.set(language, pair)
  }
  return pair
}

/** Whether `code` names a language Intl has data for (not its fallback to another). */
export const isKnownLanguage = (code: string): boolean => {
  // Only known languages get formatters: a second ask needs no look-up.
  if (formatters.has(code.toLowerCase())) return true
  if (!TAG.test(code)) return false
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([code]).length > 0
  } catch {
    return false
  }
}

/** The wall clock `wallMs` (its count as if UTC) in `language`; the language must be known. */
export const friendlyTimeOf = (wallMs: number, language: string): Friendly => {
  const [date, time] = formattersOf(language.toLowerCase())
  const friendlyDate = date.format(wallMs)
  const friendlyTime = time.format(wallMs)
  // "F" is the long date, a space, the long time: "Sonntag, 14. März 2021 17:45:00".
  return { friendlyDateTime: `${friendlyDate} ${friendlyTime}`, friendlyDate, friendlyTime }
}
