// POSIX TZ strings as TZif footers carry them ("EST5EDT,M3.2.0,M11.1.0"): a zone's rule for
// every year after its last listed transition. RFC 8536 section 3.3 adds hours outside 0-24.

/** One offset a rule switches to. Offsets are seconds east of UTC. */
export type PosixOffset = { abbreviation: string; offset: number; isDst: boolean }

/** A change of offset at a UTC instant (epoch seconds). */
export type PosixTransition = PosixOffset & { at: number }

type DateRule =
  | { kind: 'julian'; day: number } // Jn: 1-365, 29 February never counted
  | { kind: 'ordinal'; day: number } // n: 0-365, 29 February counted
  | { kind: 'weekday'; month: number; week: number; weekday: number } // Mm.w.d

type Change = { date: DateRule; seconds: number }

export type PosixRule = {
  standard: PosixOffset
  daylight?: PosixOffset
  start?: Change
  end?: Change
}

const NAME = '(<[^>]+>|[A-Za-z]{3,})'
const TIME = String.raw`([-+]?\d{1,3}(?::\d{1,2}){0,2})`
const DATE = String.raw`(J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)`
const RULE = new RegExp(
  `^${NAME}${TIME}(?:${NAME}${TIME}?(?:,${DATE}(?:/${TIME})?,${DATE}(?:/${TIME})?)?)?$`,
)

const seconds = (time: string) => {
  const [h = 0, m = 0, s = 0] = time.replace(/^[-+]/, '').split(':').map(Number)
  return (time.startsWith('-') ? -1 : 1) * (h * 3600 + m * 60 + s)
}

const parseDate = (text: string): DateRule => {
  if (text.startsWith('J')) return { kind: 'julian', day: Number(text.slice(1)) }
  if (!text.startsWith('M')) return { kind: 'ordinal', day: Number(text) }
  const [month = 1, week = 1, weekday = 0] = text.slice(1).split('.').map(Number)
  return { kind: 'weekday', month, week, weekday }
}

/** Parses a TZif footer; undefined when there is none or it is not POSIX TZ syntax. */
export const parsePosixTz = (text: string): PosixRule | undefined => {
  const m = RULE.exec(text)
  if (!m) return undefined
  const [, stdName, stdTime, dstName, dstTime, startDate, startTime, endDate, endTime] = m
  const name = (raw: string) => raw.replace(/^<|>$/g, '')
  // POSIX offsets count west of UTC; ours count east.
  const standard = {
    abbreviation: name(stdName ?? ''),
    offset: -seconds(stdTime ?? ''),
    isDst: false,
  }
  if (!dstName) return { standard }
  const daylight = {
    abbreviation: name(dstName),
    offset: dstTime ? -seconds(dstTime) : standard.offset + 3600,
    isDst: true,
  }
  // POSIX leaves a rule without dates to the implementation; tzcode uses the US rules.
  const change = (date: string | undefined, fallback: string, time: string | undefined) => ({
    date: parseDate(date ?? fallback),
    seconds: time === undefined ? 7200 : seconds(time),
  })
  return {
    standard,
    daylight,
    start: change(startDate, 'M3.2.0', startTime),
    end: change(endDate, 'M11.1.0', endTime),
  }
}

const DAY = 86_400

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const daysBeforeYear = (year: number) => {
  const y = year - 1
  return (
    365 * (year - 1970) +
    (Math.floor(y / 4) - 492) -
    (Math.floor(y / 100) - 19) +
    (Math.floor(y / 400) - 4)
  )
}

const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

// Days from 1970-01-01 to the rule's date in `year`.
const dayOf = (rule: DateRule, year: number): number => {
  const jan1 = daysBeforeYear(year)
  const leap = isLeap(year) ? 1 : 0
  if (rule.kind === 'ordinal') return jan1 + rule.day
  if (rule.kind === 'julian') return jan1 + rule.day - 1 + (leap && rule.day >= 60 ? 1 : 0)
  const monthStart = jan1 + (CUMULATIVE[rule.month - 1] ?? 0) + (leap && rule.month > 2 ? 1 : 0)
  const monthLength =
    (CUMULATIVE[rule.month] ?? 0) -
    (CUMULATIVE[rule.month - 1] ?? 0) +
    (leap && rule.month === 2 ? 1 : 0)
  // 1970-01-01 was a Thursday (weekday 4).
  const firstWeekday = (((monthStart + 4) % 7) + 7) % 7
  let day = ((rule.weekday - firstWeekday + 7) % 7) + (rule.week - 1) * 7
  while (day >= monthLength) day -= 7 // week 5 means the last such weekday
  return monthStart + day
}

/**
 * The rule's two transitions whose local dates fall in `year`, in UTC order; none without DST.
 * DST all year ("J1/0,J365/25") gives an end that meets the next year's start: callers drop
 * such empty periods.
 */
export const transitionsInYear = (rule: PosixRule, year: number): PosixTransition[] => {
  const { standard, daylight, start, end } = rule
  if (!daylight || !start || !end) return []
  const startAt = dayOf(start.date, year) * DAY + start.seconds - standard.offset
  const endAt = dayOf(end.date, year) * DAY + end.seconds - daylight.offset
  const changes = [
    { at: startAt, ...daylight },
    { at: endAt, ...standard },
  ]
  return changes.sort((a, b) => a.at - b.at)
}
