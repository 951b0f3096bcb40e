// A timezoned request datagram to its query text, or the reason it is dropped unanswered.

/** The original server read at most this much of a datagram; a longer one is no ezTime query. */
export const MAX_DATAGRAM = 512
/** No answer is ever longer: the original server sent at most 100 bytes. */
export const MAX_ANSWER = 100

export type MalformedReason = 'empty' | 'too_long' | 'binary'

const utf8 = new TextDecoder('utf-8', { fatal: true })

// A control byte anywhere (a trailing newline from `echo | nc` excepted), or bytes that are no
// UTF-8 text, make a datagram binary: no query has them, and none reaches the logs.
const isText = (bytes: Uint8Array, end: number) => {
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number
    if (byte < 0x20 || byte === 0x7f) return false
  }
  return true
}

/**
 * The query a datagram carries: its text up to an optional `#version` suffix (ezTime's), without
 * surrounding spaces. Case and inner spaces are the lookup's business.
 */
export const readQuery = (datagram: Uint8Array): { query: string } | { drop: MalformedReason } => {
  if (datagram.length === 0) return { drop: 'empty' }
  if (datagram.length > MAX_DATAGRAM) return { drop: 'too_long' }
  let end = datagram.length
  if (datagram[end - 1] === 0x0a) end -= datagram[end - 2] === 0x0d ? 2 : 1
  if (!isText(datagram, end)) return { drop: 'binary' }
  let text: string
  try {
    text = utf8.decode(datagram.subarray(0, end))
  } catch {
    return { drop: 'binary' }
  }
  const hash = text.indexOf('#')
  const query = (hash < 0 ? text : text.slice(0, hash)).trim()
  return query === '' ? { drop: 'empty' } : { query }
}
