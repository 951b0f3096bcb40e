// Real UDP sockets on loopback for the timezoned tests: the listener with its metrics and logs,
// and clients bound to any 127.x.y.z address (Linux routes all of 127/8 to lo).
import { createSocket, type Socket } from 'node:dgram'
import { once } from 'node:events'
import { Registry } from 'prom-client'
import { loadIpZones } from '../../src/ip/ip-zones.ts'
import { startTimezoned, type TimezonedOptions } from '../../src/udp/timezoned-server.ts'
import { zones } from '../helpers.ts'

let ipTable: ReturnType<typeof loadIpZones> | undefined
const ipZones = () => (ipTable ??= loadIpZones())

/** The listener on a free loopback port; `fallbackZone` as IP_FALLBACK_ZONE's default. */
export const startListener = async (options: Partial<TimezonedOptions> = {}) => {
  const registry = new Registry()
  const lines: Array<Record<string, unknown>> = []
  const log = {
    info: (fields: object) => lines.push(fields as Record<string, unknown>),
    error: (fields: object) => lines.push(fields as Record<string, unknown>),
  }
  const listener = await startTimezoned({
    port: 0,
    host: '127.0.0.1',
    zones,
    ipZones,
    fallbackZone: 'Europe/Moscow',
    registry,
    log,
    ...options,
  })
  /** A counter's or gauge's value for these labels (0 when absent). */
  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? []
    const found = values.find((value) =>
      Object.entries(labels).every(([key, label]) => value.labels[key] === label),
    )
    return found?.value ?? 0
  }
  return { listener, port: listener.address().port, registry, lines, metric }
}

export type Client = {
  socket: Socket
  received: Buffer[]
  /** Sends and waits for the next answer, or undefined when none comes within `ms`. */
  ask(port: number, payload: string | Uint8Array, ms?: number): Promise<string | undefined>
  close(): void
}

/** A client bound to `address`; it sends to the loopback address of the same family. */
export const openClient = async (address = '127.0.0.1'): Promise<Client> => {
  const ipv6 = address.includes(':')
  const socket = createSocket(ipv6 ? 'udp6' : 'udp4')
  const received: Buffer[] = []
  let waiting: ((answer: Buffer) => void) | undefined
  socket.on('message', (answer) => {
    received.push(answer)
    waiting?.(answer)
  })
  socket.bind(0, address)
  await once(socket, 'listening')
  return {
    socket,
    received,
    ask: (port, payload, ms = 500) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting = undefined
          resolve(undefined)
        }, ms)
        waiting = (answer) => {
          clearTimeout(timer)
          waiting = undefined
          resolve(answer.toString('latin1'))
        }
        socket.send(payload, port, ipv6 ? '::1' : '127.0.0.1')
      }),
    close: () => socket.close(),
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
