// The caller's address: only ever a plain IP address in its canonical form, whatever
// X-Forwarded-For says.
import type { FastifyRequest } from 'fastify'
import { parseIp } from '../ip/ip-address.ts'
import { formatIp } from '../ip/ip-format.ts'

// A connection's peer, or its proxy's forwarded address, recurs request after request.
let lastText = ''
let lastCanonical = ''
const canonical = (text: string | undefined): string | undefined => {
  if (text === lastText) return lastCanonical
  const address = text === undefined ? undefined : parseIp(text)
  if (!address || text === undefined) return undefined
  lastText = text
  lastCanonical = formatIp(address)
  return lastCanonical
}

/** What trustProxy made of X-Forwarded-For, if that is an address; else the socket's peer. */
export const callerAddress = (request: FastifyRequest): string =>
  canonical(request.ip) ?? canonical(request.socket.remoteAddress) ?? ''
