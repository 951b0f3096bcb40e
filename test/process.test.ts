import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { test } from 'node:test'

const MAIN = new URL('../src/main.ts', import.meta.url).pathname

type Started = { child: ChildProcess; base: string; output: () => string }

// Starts main.ts on a free port and resolves once its "listening" log line names the address.
const start = async (env: Record<string, string>, nodeArgs: string[] = []): Promise<Started> => {
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', METRICS_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in:\n${output}`)), 10_000)
    const look = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1] as string)
      }
    }
    child.stdout?.on('data', look)
    child.on('exit', () => {
      clearTimeout(timer)
      reject(new Error(`exited early:\n${output}`))
    })
  })
  return { child, base, output: () => output }
}

const run = async (env: Record<string, string>, nodeArgs: string[] = []) => {
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const [code] = await once(child, 'exit')
  return { code: code as number, stderr }
}

test('SIGTERM: readiness fails at once, traffic is served through the delay, then exit 0', async () => {
  const { child, base, output } = await start({ SHUTDOWN_DELAY_MS: '1500' })
  assert.equal((await fetch(`${base}/readyz`)).status, 200)
  const signalledAt = performance.now()
  child.kill('SIGTERM')
  const exited = once(child, 'exit')
  await new Promise((resolve) => setTimeout(resolve, 200))
  assert.equal((await fetch(`${base}/readyz`)).status, 503)
  assert.equal((await fetch(`${base}/api/timezone/Europe/Moscow`)).status, 200)
  assert.equal((await fetch(`${base}/`)).status, 200)
  const [code, signal] = await exited
  const elapsed = performance.now() - signalledAt
  assert.equal(signal, null)
  assert.equal(code, 0, output())
  assert.ok(elapsed >= 1500, `exited after ${elapsed} ms, before the delay`)
  assert.ok(elapsed < 5000, `exited after ${elapsed} ms`)
})

test('SIGINT shuts down the same way', async () => {
  const { child } = await start({ SHUTDOWN_DELAY_MS: '0' })
  child.kill('SIGINT')
  const [code] = await once(child, 'exit')
  assert.equal(code, 0)
})

test('bad configuration stops the start with one message naming every bad variable', async () => {
  const { code, stderr } = await run({ PORT: 'eighty', TIME_ZONE: 'Mars/Base', LOG_LEVEL: 'info' })
  assert.equal(code, 2)
  assert.match(stderr, /PORT="eighty"/)
  assert.match(stderr, /TIME_ZONE="Mars\/Base"/)
  assert.doesNotMatch(stderr, /LOG_LEVEL|\n\s+at /)
})

test('without Temporal the process says what to do instead of a stack trace', async () => {
  const { code, stderr } = await run({}, ['--no-harmony-temporal'])
  assert.equal(code, 1)
  assert.match(stderr, /needs Node\.js 26 or later/)
  assert.match(stderr, /npm start/)
  assert.doesNotMatch(stderr, /\n\s+at /)
})
