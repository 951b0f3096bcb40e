// Types of public/clock.js for the TypeScript tests that import it (the project does not check JS).
export type Sample = { t0: number; server: number; t1: number }
export type Estimate = { offset: number; uncertainty: number; rtt: number }
export type Language = 'en' | 'ru'

export declare const RESOLUTION_MS: number
export declare const estimateOffset: (
  samples: readonly Sample[],
  resolution?: number,
) => Estimate | undefined
export declare const parseServerTime: (text: unknown) => number
export declare const msUntilNextSecond: (ms: number) => number
export declare const describeDeviceError: (
  offset: number,
  uncertainty: number,
  language: Language,
) => string
export declare const describeZoneDifference: (
  zoneOffset: number,
  visitorOffset: number,
  city: string,
  cityIn: string,
  language: Language,
) => string
export declare const zonedTime: (
  ms: number,
  offsetMinutes: number,
) => { hm: string; ss: string; iso: string; offset: string; offsetMinutes: number }
export declare const parseOffset: (text: unknown) => number
