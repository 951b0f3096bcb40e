// The page's long date ("Friday, 27 November 2026"), one format for the server and the script.

/** Formats a calendar date given as its UTC midnight (or any instant shifted to local time). */
export const longDateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
