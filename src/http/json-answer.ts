// A JSON answer as `application/json`, no charset: Fastify adds `; charset=utf-8` to any JSON
// type sent as a string, and RFC 8259 defines no such parameter (JSON is UTF-8).
import type { FastifyReply } from 'fastify'
import { JSON_TYPE } from './media-types.ts'

export const sendJson = (reply: FastifyReply, json: string | Buffer) =>
  reply.type(JSON_TYPE).send(typeof json === 'string' ? Buffer.from(json) : json)
