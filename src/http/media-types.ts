// The Content-Type of every kind of answer the service writes, spelled once.

// RFC 8259 defines no charset parameter for JSON (it is UTF-8), and 15 bytes count on a device.
export const JSON_TYPE = 'application/json'
/** timeapi.io's own, ASP.NET's: its clients saw it so. */
export const ASPNET_JSON_TYPE = 'application/json; charset=utf-8'
/** RFC 9457 problem details, with the charset ASP.NET writes. */
export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8'
export const TEXT_TYPE = 'text/plain; charset=utf-8'
export const HTML_TYPE = 'text/html; charset=utf-8'
