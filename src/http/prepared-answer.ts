// Answers written straight to Node's response, their headers made once for their kind: Fastify's
// reply.send() parses the Content-Type, and copies each header into a map of its own, on every
// answer (docs/performance.md). Its hooks still run: the request gate's before, and onResponse
// (metrics, the request log) after.
import type { FastifyReply } from 'fastify'

/** An answer's headers, made once: as they go out, and with the connection closing. */
export type PreparedHeaders = {
  open: Readonly<Record<string, string>>
  closing: Readonly<Record<string, string>>
}

export const prepareHeaders = (
  ...sets: ReadonlyArray<Readonly<Record<string, string>>>
): PreparedHeaders => {
  const open: Record<string, string> = Object.assign({}, ...sets)
  return { open, closing: { ...open, connection: 'close' } }
}

/**
 * Sends `body` with `headers` and the status. The request gate's decision on the connection (a
 * `connection: close` it set on the reply) stands; nothing else set on the reply is sent.
 */
export const sendPrepared = (
  reply: FastifyReply,
  status: number,
  headers: PreparedHeaders,
  body: string,
) => {
  const closing = reply.getHeader('connection') === 'close'
  reply.hijack()
  const res = reply.raw
  // Node would send the body chunked had its length not come with the headers.
  res.writeHead(status, {
    ...(closing ? headers.closing : headers.open),
    'content-length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}
