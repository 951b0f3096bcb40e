import { LANGUAGE_PACKS, LANGUAGES, type Language } from '../i18n/languages.ts'
import type { TimeInfo } from '../time/time-info.ts'
import { escapeHtml } from './escape.ts'
import { cityOf } from './strings.ts'

/** Public URLs of the page's assets (content-hashed, so cacheable forever). */
export type PageAssets = { script: string; style: string; icon: string }

export type PageOptions = { assets: PageAssets; timeZone: string }

/** `untilMs`: the zone's next transition, when the script must re-ask the server for the offset. */
export type RenderPage = (time: TimeInfo, language: Language, untilMs?: number | null) => string

const wholeSeconds = (time: TimeInfo) => time.datetime.slice(0, 19)

/**
 * Builds everything that does not depend on the instant once per language, so a request only
 * formats the time and joins strings. The output depends on nothing but its arguments.
 */
export const createPageRenderer = ({ assets, timeZone }: PageOptions): RenderPage => {
  const zone = escapeHtml(timeZone)
  const pages = Object.fromEntries(
    LANGUAGES.map((language) => {
      const { page: strings, locale } = LANGUAGE_PACKS[language]
      const city = cityOf(timeZone, language)
      // Formats a calendar date, given as a UTC midnight, exactly as the browser's script does.
      const dateFormat = new Intl.DateTimeFormat(locale, {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
      const nav = LANGUAGES.map(
        (other) =>
          `<a href="?lang=${other}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>${LANGUAGE_PACKS[other].name}</a>`,
      ).join('')
      const head = `<!doctype html>\n<html lang="${language}" data-zone="${zone}" data-city="${escapeHtml(city.name)}" data-city-in="${escapeHtml(city.inName)}" data-offset="`
      const afterMs =
        `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${escapeHtml(strings.title(city))}</title>` +
        `<meta name="description" content="${escapeHtml(strings.description(city))}">` +
        `<meta name="color-scheme" content="light dark">` +
        `<link rel="icon" href="${escapeHtml(assets.icon)}" type="image/svg+xml">` +
        `<link rel="stylesheet" href="${escapeHtml(assets.style)}">` +
        `<script type="module" src="${escapeHtml(assets.script)}"></script></head>` +
        `<body><header><nav aria-label="${escapeHtml(strings.languageNav)}">${nav}</nav></header>` +
        `<main><h1>${escapeHtml(strings.heading(city))}</h1><p class="clock"><time id="time" datetime="`
      const tail =
        `<p id="diff" class="note" hidden></p><p id="sync" class="note" role="status" hidden></p>` +
        `<noscript><p class="note">${escapeHtml(strings.noScript)}</p></noscript></main>` +
        `<footer><a href="/api/timezone/${zone}">${escapeHtml(strings.json)}</a>` +
        `<a href="/api/openapi.json">${escapeHtml(strings.api)}</a>` +
        // DB-IP's licence (CC BY 4.0) asks for this line wherever its data is used: /api/ip is.
        `<a href="https://db-ip.com">IP Geolocation by DB-IP</a></footer></body></html>\n`
      const render = (time: TimeInfo, untilMs: number | null | undefined) => {
        const local = wholeSeconds(time)
        const [year, month, day] = local.slice(0, 10).split('-').map(Number)
        const date = dateFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
        const epochMs = Temporal.Instant.from(time.utc_datetime).epochMilliseconds
        return (
          `${head}${(time.raw_offset + time.dst_offset) / 60}" data-until="${untilMs ?? ''}" data-ms="${epochMs}${afterMs}${escapeHtml(local + time.utc_offset)}">` +
          `<span id="hm">${escapeHtml(local.slice(11, 16))}</span>` +
          `<span class="sec">:<span id="ss">${escapeHtml(local.slice(17, 19))}</span></span></time></p>` +
          `<p id="date" class="date">${escapeHtml(date)}</p>` +
          `<p id="zone" class="zone">${escapeHtml(`${time.abbreviation} · UTC${time.utc_offset}`)}</p>` +
          tail
        )
      }
      return [language, render]
    }),
  ) as Record<Language, (time: TimeInfo, untilMs?: number | null) => string>
  return (time, language, untilMs) => pages[language](time, untilMs)
}
