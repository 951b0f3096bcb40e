// The minimal floor's answer, the same from bare node:http and from Fastify alone: a fixed 30-byte
// body and two headers of our own (node:http adds Date, Connection and Keep-Alive to every answer).
export const MINIMAL_BODY = Buffer.from('{"status":"ok","minimal":true}')
export const MINIMAL_TYPE = 'application/json'

if (MINIMAL_BODY.length !== 30) throw new Error('the minimal body is to be 30 bytes')
