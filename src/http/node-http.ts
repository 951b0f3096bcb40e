// node:http by require, not import: an ESM import makes Node read every export of node:http, and
// its lazy fetch and WebSocket getters then load undici, 40-50 ms of every start (docs/performance.md).
import { createRequire } from 'node:module'

const http = createRequire(import.meta.url)('node:http') as typeof import('node:http')

export const { createServer, STATUS_CODES } = http
