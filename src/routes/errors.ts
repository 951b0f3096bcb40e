import type { FastifyReply, FastifyRequest } from 'fastify'

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  413: 'Content too large',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
}

export const isApiPath = (url: string): boolean => url === '/api' || url.startsWith('/api/')

const errorPage = (status: number, title: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${status} ${title}</title></head><body><h1>${title}</h1><p><a href="/">The time in Moscow</a></p></body></html>\n`

/** One error shape everywhere: JSON under /api/ (text for .txt), a small HTML page elsewhere. */
export const sendError = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message = (TITLES[status] ?? 'Error').toLowerCase(),
) => {
  reply.code(status).header('cache-control', 'no-store')
  const path = request.url.split('?', 1)[0] ?? ''
  if (isApiPath(path)) {
    // Cross-origin callers of the API must be able to read its errors too.
    reply.header('access-control-allow-origin', '*')
    if (path.endsWith('.txt'))
      return reply.type('text/plain; charset=utf-8').send(`Error: ${message}`)
    return reply.type('application/json; charset=utf-8').send({ error: message })
  }
  return reply.type('text/html; charset=utf-8').send(errorPage(status, TITLES[status] ?? 'Error'))
}
