import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../src/config.ts'
import { zones } from './helpers.ts'

const load = (env: Record<string, string>) => loadConfig(env, zones.resolve)

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    load(env)
  } catch (error) {
    assert.ok(error instanceof ConfigError)
    return error.problems
  }
  assert.fail('expected a ConfigError')
}

test('defaults follow the design', () => {
  assert.deepEqual(load({}), {
    port: 8080,
    host: '0.0.0.0',
    timeZone: 'Europe/Moscow',
    logLevel: 'info',
    trustProxy: false,
    shutdownDelayMs: 5000,
    ipFallbackZone: 'Europe/Moscow',
    metricsPort: 9464,
    metricsHost: '0.0.0.0',
    timezonedPort: null,
    timezonedHost: '0.0.0.0',
  })
})

test('good values are read and normalized', () => {
  assert.deepEqual(
    load({
      PORT: '0',
      HOST: '::1',
      TIME_ZONE: 'asia/tokyo',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '10.0.0.0/8, 2001:db8::/32,192.0.2.1',
      SHUTDOWN_DELAY_MS: '0',
      METRICS_PORT: '9100',
      TIMEZONED_PORT: '2342',
    }),
    {
      port: 0,
      host: '::1',
      timeZone: 'Asia/Tokyo',
      logLevel: 'warn',
      trustProxy: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.1'],
      shutdownDelayMs: 0,
      ipFallbackZone: 'Asia/Tokyo',
      metricsPort: 9100,
      metricsHost: '::1',
      timezonedPort: 2342,
      timezonedHost: '::1',
    },
  )
})

describe('METRICS_HOST', () => {
  test('keeps the metrics listener on an address of its own, by default HOST', () => {
    assert.equal(load({ HOST: '::' }).metricsHost, '::')
    assert.equal(load({ METRICS_HOST: '127.0.0.1' }).metricsHost, '127.0.0.1')
    assert.deepEqual(problemsOf({ METRICS_HOST: 'not a host!' }), [
      'METRICS_HOST="not a host!": expected an IP address or a host name',
    ])
  })

  test('the same port as PORT is fine on another address', () => {
    assert.equal(
      load({ PORT: '9464', HOST: '0.0.0.0', METRICS_HOST: '127.0.0.1' }).metricsPort,
      9464,
    )
  })
})

describe('METRICS_PORT', () => {
  test('off turns the metrics listener off', () => {
    assert.equal(load({ METRICS_PORT: 'off' }).metricsPort, null)
  })

  test('must differ from PORT', () => {
    assert.deepEqual(problemsOf({ PORT: '9464' }), ['METRICS_PORT=9464: must differ from PORT'])
  })
})

describe('TIMEZONED_PORT and TIMEZONED_HOST', () => {
  test('the UDP protocol is off unless a port is given, and listens on HOST by default', () => {
    assert.equal(load({}).timezonedPort, null)
    assert.equal(load({ TIMEZONED_PORT: 'off' }).timezonedPort, null)
    assert.equal(load({ TIMEZONED_PORT: '2342', HOST: '::' }).timezonedHost, '::')
    assert.equal(load({ TIMEZONED_HOST: '127.0.0.1' }).timezonedHost, '127.0.0.1')
  })

  test('UDP ports are apart from TCP ports: PORT or METRICS_PORT may be the same number', () => {
    assert.equal(load({ PORT: '2342', TIMEZONED_PORT: '2342' }).timezonedPort, 2342)
    assert.equal(load({ TIMEZONED_PORT: '9464' }).timezonedPort, 9464)
  })
})

describe('IP_FALLBACK_ZONE', () => {
  test('follows TIME_ZONE unless set', () => {
    assert.equal(load({ TIME_ZONE: 'Europe/London' }).ipFallbackZone, 'Europe/London')
    assert.equal(
      load({ TIME_ZONE: 'Europe/London', IP_FALLBACK_ZONE: 'america/new_york' }).ipFallbackZone,
      'America/New_York',
    )
  })

  test('none turns the fallback off', () => {
    assert.equal(load({ IP_FALLBACK_ZONE: 'none' }).ipFallbackZone, null)
  })
})

describe('TRUST_PROXY', () => {
  for (const [raw, expected] of [
    ['off', false],
    ['false', false],
    ['on', true],
    ['TRUE', true],
    ['2', 2],
  ] as const) {
    test(`${raw} means ${JSON.stringify(expected)}`, () => {
      assert.equal(load({ TRUST_PROXY: raw }).trustProxy, expected)
    })
  }
})

describe('each bad value is named', () => {
  for (const [name, value] of [
    ['PORT', '65536'],
    ['PORT', '80a'],
    ['PORT', '-1'],
    ['HOST', 'not a host!'],
    ['TIME_ZONE', 'Mars/Olympus_Mons'],
    ['TIME_ZONE', '+03:00'],
    ['LOG_LEVEL', 'verbose'],
    ['TRUST_PROXY', 'maybe'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['SHUTDOWN_DELAY_MS', '5s'],
    ['SHUTDOWN_DELAY_MS', '600001'],
    ['IP_FALLBACK_ZONE', 'Mars/Olympus_Mons'],
    ['IP_FALLBACK_ZONE', 'None'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', 'on'],
    ['TIMEZONED_PORT', '0'],
    ['TIMEZONED_PORT', '65536'],
    ['TIMEZONED_PORT', 'on'],
    ['TIMEZONED_HOST', 'not a host!'],
  ] as const) {
    test(`${name}=${value}`, () => {
      const problems = problemsOf({ [name]: value })
      assert.equal(problems.length, 1)
      assert.match(problems[0] ?? '', new RegExp(`^${name}=`))
    })
  }
})

test('several bad values are reported together', () => {
  const problems = problemsOf({
    PORT: 'x',
    LOG_LEVEL: 'loud',
    TIME_ZONE: 'Nowhere',
    HOST: 'ok.example',
  })
  assert.deepEqual(
    problems.map((p) => p.split('=')[0]),
    ['PORT', 'TIME_ZONE', 'LOG_LEVEL'],
  )
  assert.throws(() => load({ PORT: 'x', LOG_LEVEL: 'loud' }), /PORT="x".*\n.*LOG_LEVEL="loud"/)
})
