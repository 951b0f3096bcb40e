// An answer's size on the wire, as a client receives it: status line, headers and body, read off a
// plain socket after one GET sent as wrk sends it (HTTP/1.1, keep-alive, a Host header only).
import { connect } from 'node:net'
import { HOST } from './servers.ts'

export type WireSize = {
  status: number
  /** The status line and the headers, with the blank line that ends them, in bytes. */
  head: number
  body: number
  total: number
  /** How many header lines, those node:http writes (Date; Connection and Keep-Alive where kept) among them. */
  headers: number
}

const HEAD_END = '\r\n\r\n'
const LAST_CHUNK = '0\r\n\r\n'

/** The answer's size once all of it has come, undefined before. */
const sizeOf = (bytes: Buffer): WireSize | undefined => {
  const end = bytes.indexOf(HEAD_END)
  if (end < 0) return undefined
  const head = end + HEAD_END.length
  const lines = bytes.subarray(0, end).toString('latin1').split('\r\n')
  const length = lines.find((line) => /^content-length:/i.test(line))?.split(':')[1]
  const body = length === undefined ? bytes.length - head : Number(length)
  // Without a length the body is chunked: whole at its last, empty chunk.
  const whole =
    length === undefined
      ? bytes.subarray(-LAST_CHUNK.length).toString('latin1') === LAST_CHUNK
      : bytes.length >= head + body
  if (!whole) return undefined
  const status = Number(lines[0]?.split(' ')[1])
  return { status, head, body, total: head + body, headers: lines.length - 1 }
}

/** One GET of `path` on a fresh connection; the answer's size in bytes. */
export const measureWireSize = (port: number, path: string) =>
  new Promise<WireSize>((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(port, HOST, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${HOST}:${port}\r\n\r\n`),
    )
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      const size = sizeOf(Buffer.concat(chunks))
      if (!size) return
      socket.destroy()
      resolve(size)
    })
    socket.on('error', reject)
    socket.on('end', () => reject(new Error(`${path}: the connection closed before the answer`)))
  })
