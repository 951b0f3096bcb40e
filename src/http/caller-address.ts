// The caller's address: only ever an IP address, whatever X-Forwarded-For says.
import { isIP } from 'node:net'
import type { FastifyRequest } from 'fastify'

/** What trustProxy made of X-Forwarded-For, if that is an address; else the socket's peer. */
export const callerAddress = (request: FastifyRequest): string =>
  isIP(request.ip) ? request.ip : (request.socket.remoteAddress ?? '')
