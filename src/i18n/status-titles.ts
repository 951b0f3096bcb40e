// The statuses the service answers with, in RFC 9110's words (Node's STATUS_CODES still says
// "Payload Too Large"): the API's error messages, and the English error page's headings.

export type ErrorStatus = '400' | '404' | '405' | '408' | '413' | '415' | '431' | '500' | '503'

export const STATUS_TITLES: Readonly<Record<ErrorStatus, string>> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  413: 'Content too large',
  415: 'Unsupported media type',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
}
