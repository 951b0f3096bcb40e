// timeapi.io's time spans: d:hh:mm:ss[.fff] (days, hours, minutes, seconds, a fraction).

const SPAN = /^(\d{1,8}):(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/

/** The span in nanoseconds, or undefined if it is not one (hours past 23, minutes past 59, ...). */
export const parseTimeSpan = (text: string): bigint | undefined => {
  const parts = SPAN.exec(text.trim())
  if (!parts) return undefined
  const [days, hours, minutes, seconds] = parts.slice(1, 5).map(Number) as [
    number,
    number,
    number,
    number,
  ]
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined
  const wholeSeconds = ((BigInt(days) * 24n + BigInt(hours)) * 60n + BigInt(minutes)) * 60n
  const fraction = BigInt((parts[5] ?? '').padEnd(9, '0'))
  return (wholeSeconds + BigInt(seconds)) * 1_000_000_000n + fraction
}
