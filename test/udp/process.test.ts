import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { once } from 'node:events'
import { test } from 'node:test'
import { freePort } from '../../scripts/free-port.ts'
import { openClient, sleep } from './udp-test-kit.ts'

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname

// A UDP port nobody uses this moment (released before the process takes it).
const freeUdpPort = async () => {
  const socket = createSocket('udp4')
  socket.bind(0, '127.0.0.1')
  await once(socket, 'listening')
  const { port } = socket.address()
  socket.close()
  return port
}

const startMain = async (env: Record<string, string>, ready: RegExp) => {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SHUTDOWN_DELAY_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) => {
      output += chunk
    })
  const exited = once(child, 'exit')
  const deadline = Date.now() + 15_000
  while (!ready.test(output)) {
    assert.equal(child.exitCode, null, `exited early:\n${output}`)
    assert.ok(Date.now() < deadline, `no listening line:\n${output}`)
    await sleep(50)
  }
  return { child, exited, output: () => output }
}

test('TIMEZONED_PORT serves the protocol beside HTTP; metrics show it; SIGTERM closes it', async () => {
  const [udpPort, metricsPort] = [await freeUdpPort(), await freePort()]
  const { child, exited, output } = await startMain(
    { TIMEZONED_PORT: String(udpPort), METRICS_PORT: String(metricsPort) },
    /"msg":"timezoned listening"/,
  )
  const client = await openClient('127.0.0.1')
  const other = await openClient('127.0.0.2')
  try {
    assert.match(output(), new RegExp(`"port":${udpPort},"host":"127.0.0.1","protocol":"udp"`))
    assert.equal(await client.ask(udpPort, 'Europe/Moscow', 2000), 'OK Europe/Moscow MSK-3')
    // Loopback has no location: the fallback zone, TIME_ZONE's by default.
    assert.equal(await other.ask(udpPort, 'GeoIP', 2000), 'OK Europe/Moscow MSK-3')
    const scrape = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
    assert.match(scrape, /^timezoned_answers_total\{kind="ok"\} 2$/m)
  } finally {
    client.close()
    other.close()
    child.kill('SIGTERM')
  }
  const [code] = await exited
  assert.equal(code, 0, output())
  // The port is free again: the process closed its socket.
  const again = createSocket('udp4')
  again.bind(udpPort, '127.0.0.1')
  await once(again, 'listening')
  again.close()
})

test('without TIMEZONED_PORT the UDP listener is never started', async () => {
  const { child, exited, output } = await startMain({ METRICS_PORT: 'off' }, /Server listening/)
  child.kill('SIGTERM')
  await exited
  assert.doesNotMatch(output(), /timezoned/)
})
