// The only reader of the instant the service reports: everything else takes a Clock, so tests can
// fix it. (The HTTP Date header and log throttling read the machine's clock for themselves.)
export type Clock = () => Temporal.Instant

export const systemClock: Clock = () => Temporal.Now.instant()

export const fixedClock = (instant: Temporal.Instant | string): Clock => {
  const at = Temporal.Instant.from(instant)
  return () => at
}
