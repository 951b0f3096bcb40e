// The only reader of "now": everything else takes a Clock, so tests can fix the instant.
export type Clock = () => Temporal.Instant

export const systemClock: Clock = () => Temporal.Now.instant()

export const fixedClock = (instant: Temporal.Instant | string): Clock => {
  const at = Temporal.Instant.from(instant)
  return () => at
}
