import type { TimeInfo } from '../time/time-info.ts'

// Placeholder until the clock page lands: the server-rendered time, nothing else.
export const renderPage = (time: TimeInfo): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Moscow time</title></head><body><main><h1>Time in ${time.timezone}</h1><p><time datetime="${time.datetime}">${time.datetime.slice(11, 19)}</time> ${time.abbreviation} · UTC${time.utc_offset}</p></main></body></html>\n`
