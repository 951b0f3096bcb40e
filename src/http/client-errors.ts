// Answers for requests Node's parser gives up on (400, 408, 431): no route, no hooks, no request.

import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import { STATUS_CODES } from './node-http.ts'
import { API_HEADERS } from './security-headers.ts'

const statusOf = (code: string | undefined) => {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408
  if (code === 'HPE_HEADER_OVERFLOW') return 431
  return 400
}

/** A whole answer for a socket: the status's own words, our security headers, then close. */
const rawAnswer = (status: number) => {
  const reason = STATUS_CODES[status] ?? 'Error'
  const body = `${status} ${reason}\n`
  const headers = {
    date: new Date().toUTCString(),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
    // No path is known, and no browser renders these: the API's set.
    ...API_HEADERS,
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('')}\r\n${body}`
}

export type ClientErrorOptions = {
  log: () => FastifyBaseLogger
  /** A socket that got its answer is drained at most this long, then destroyed. */
  lingerMs: number
  /** Told of each answer sent, for the metrics. */
  onAnswer?: (status: number) => void
}

/** Fastify's clientErrorHandler: answer like a route would, then close. */
export const createClientErrorHandler =
  ({ log, lingerMs, onAnswer }: ClientErrorOptions) =>
  (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed || socket.writableEnded) return
    const status = statusOf(error.code)
    log().info({ status, code: error.code, ip: socket.remoteAddress }, 'client error')
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage
    if (!socket.writable) return socket.destroy()
    const answer = () => {
      answerAndClose(socket, status, lingerMs)
      onAnswer?.(status)
    }
    // A whole request before the bad bytes is being answered: its answer goes first, then ours.
    // Bad bytes inside its own body make it no request: ours is then its only answer.
    if (inFlight?.req.complete && !inFlight.writableFinished) inFlight.once('finish', answer)
    else if (inFlight?.headersSent) socket.destroy()
    else answer()
  }

/** Sends the whole answer for `status` and ends the connection, destroying it after `lingerMs`. */
export const answerAndClose = (socket: Socket, status: number, lingerMs: number) => {
  if (socket.destroyed || socket.writableEnded) return
  // Read and drop what the client still sends, so the close does not reset the answer away.
  const linger = setTimeout(() => socket.destroy(), lingerMs)
  socket.once('close', () => clearTimeout(linger))
  socket.end(rawAnswer(status))
}
