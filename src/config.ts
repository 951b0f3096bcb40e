// The configuration from the environment: loadConfig(env) validates every variable at once.
import { isIP } from 'node:net'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/** Fastify's `trustProxy`: off, on, a hop count, or the addresses/CIDRs of trusted proxies. */
export type TrustProxy = boolean | number | string[]

export type Config = {
  port: number
  host: string
  timeZone: string
  logLevel: LogLevel
  trustProxy: TrustProxy
  shutdownDelayMs: number
  /** The zone /api/ip answers for addresses with no location; null: 404. */
  ipFallbackZone: string | null
  /** The Prometheus metrics listener's port; null: no metrics listener. */
  metricsPort: number | null
  /** The metrics listener's address: by default `host`. */
  metricsHost: string
  /** The UDP port of ezTime's timezoned protocol; null (the default): not served. */
  timezonedPort: number | null
  /** Its address: by default `host`. */
  timezonedHost: string
}

export type Env = Readonly<Record<string, string | undefined>>

export class ConfigError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

type Parse<T> = (raw: string) => T | undefined

const integerIn =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    if (!/^\d+$/.test(raw)) return undefined
    const n = Number(raw)
    return n >= min && n <= max ? n : undefined
  }

const parseHost: Parse<string> = (raw) => (isIP(raw) || HOSTNAME.test(raw) ? raw : undefined)

const parseLogLevel: Parse<LogLevel> = (raw) => LOG_LEVELS.find((level) => level === raw)

const isCidr = (entry: string) => {
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length > 0) return false
  if (prefix === undefined) return true
  return integerIn(0, family === 4 ? 32 : 128)(prefix) !== undefined
}

const parseTrustProxy: Parse<TrustProxy> = (raw) => {
  const value = raw.trim().toLowerCase()
  if (['off', 'false', '0', ''].includes(value)) return false
  if (['on', 'true'].includes(value)) return true
  if (/^\d+$/.test(value)) return integerIn(1, 100)(value)
  const list = value.split(',').map((entry) => entry.trim())
  return list.every(isCidr) ? list : undefined
}

// What is read before the variables that default to these.
type BaseConfig = Omit<
  Config,
  'ipFallbackZone' | 'metricsPort' | 'metricsHost' | 'timezonedPort' | 'timezonedHost'
>

type Read = <T>(name: string, fallback: T, parse: Parse<T>, expected: string) => T

// Off unless asked for: a UDP service answers whatever source a datagram claims (docs/devices.md).
// UDP ports are apart from TCP's, so it may share a number with PORT or METRICS_PORT.
const readTimezoned = (read: Read, host: string) => ({
  timezonedPort: read<number | null>(
    'TIMEZONED_PORT',
    null,
    (raw) => (raw === 'off' ? null : integerIn(1, 65535)(raw)),
    'an integer port from 1 to 65535, or off',
  ),
  timezonedHost: read('TIMEZONED_HOST', host, parseHost, 'an IP address or a host name'),
})

/**
 * Reads the service's configuration from an environment, reporting every bad variable at once.
 * `resolveZone` maps a TIME_ZONE value to its proper name, or undefined when it is no zone.
 */
export const loadConfig = (env: Env, resolveZone: (name: string) => string | undefined): Config => {
  const problems: string[] = []
  const read = <T>(name: string, fallback: T, parse: Parse<T>, expected: string): T => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = parse(raw)
    if (value === undefined) {
      problems.push(`${name}=${JSON.stringify(raw.slice(0, 100))}: expected ${expected}`)
      return fallback
    }
    return value
  }
  const config: BaseConfig = {
    port: read('PORT', 8080, integerIn(0, 65535), 'an integer port from 0 to 65535'),
    host: read('HOST', '0.0.0.0', parseHost, 'an IP address or a host name'),
    timeZone: read(
      'TIME_ZONE',
      'Europe/Moscow',
      resolveZone,
      'an IANA time zone name such as Europe/Moscow',
    ),
    logLevel: read('LOG_LEVEL', 'info', parseLogLevel, `one of ${LOG_LEVELS.join(', ')}`),
    trustProxy: read(
      'TRUST_PROXY',
      false,
      parseTrustProxy,
      'off, on, a hop count from 1 to 100, or a comma-separated list of IP addresses/CIDRs',
    ),
    shutdownDelayMs: read(
      'SHUTDOWN_DELAY_MS',
      5000,
      integerIn(0, 600_000),
      'an integer number of milliseconds from 0 to 600000',
    ),
  }
  // Default: the page's zone, as a self-hosted instance on a private network sees only private callers.
  const fallback = read<string | null>(
    'IP_FALLBACK_ZONE',
    config.timeZone,
    (raw) => (raw === 'none' ? null : resolveZone(raw)),
    'an IANA time zone name, or none',
  )
  const metricsPort = read<number | null>(
    'METRICS_PORT',
    9464,
    (raw) => (raw === 'off' ? null : integerIn(1, 65535)(raw)),
    'an integer port from 1 to 65535, or off',
  )
  // Operators keep it off the public interface by setting an internal address or 127.0.0.1.
  const metricsHost = read('METRICS_HOST', config.host, parseHost, 'an IP address or a host name')
  if (metricsPort !== null && metricsPort === config.port && metricsHost === config.host)
    problems.push(`METRICS_PORT=${metricsPort}: must differ from PORT`)
  const timezoned = readTimezoned(read, config.host)
  if (problems.length > 0) throw new ConfigError(problems)
  return { ...config, ipFallbackZone: fallback, metricsPort, metricsHost, ...timezoned }
}
