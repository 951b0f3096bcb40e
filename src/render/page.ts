// The clock page as HTML: a pure function of a PageModel and a language.
import { longDateFormat } from '../i18n/dates.ts'
import { LANGUAGE_PACKS, LANGUAGES, type Language } from '../i18n/languages.ts'
import type { TimeInfo } from '../time/time-info.ts'
import { escapeHtml } from './escape.ts'
import type { PageModel } from './page-model.ts'

/** Public URLs of the page's assets (content-hashed, so cacheable forever). */
export type PageAssets = { script: string; style: string; icon: string }

export type PageOptions = { assets: PageAssets }

export type RenderPage = (model: PageModel, language: Language) => string

const wholeSeconds = (time: TimeInfo) => time.datetime.slice(0, 19)

/**
 * Builds everything that depends on the language alone once, so a request only fills in the zone,
 * the time and the day. The output depends on nothing but its arguments.
 */
export const createPageRenderer = ({ assets }: PageOptions): RenderPage => {
  const pages = Object.fromEntries(
    LANGUAGES.map((language) => {
      const { page: strings, locale } = LANGUAGE_PACKS[language]
      // Formats a calendar date, given as a UTC midnight, exactly as the browser's script does.
      const dateFormat = longDateFormat(locale)
      const headAssets =
        `<meta name="color-scheme" content="light dark">` +
        `<link rel="icon" href="${escapeHtml(assets.icon)}" type="image/svg+xml">` +
        `<link rel="stylesheet" href="${escapeHtml(assets.style)}">` +
        `<script type="module" src="${escapeHtml(assets.script)}"></script></head>`
      const render = (model: PageModel) => {
        const { time, city, path } = model
        const zone = escapeHtml(model.zone)
        const local = wholeSeconds(time)
        const [year, month, day] = local.slice(0, 10).split('-').map(Number)
        const date = dateFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
        const epochMs = Temporal.Instant.from(time.utc_datetime).epochMilliseconds
        const nav = LANGUAGES.map(
          (other) =>
            `<a href="${escapeHtml(path)}?lang=${other}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>${LANGUAGE_PACKS[other].name}</a>`,
        ).join('')
        const cities = `<a href="/cities${language === 'en' ? '' : `?lang=${language}`}">${escapeHtml(strings.allCities)}</a>`
        const context = model.context.map((line) => `<li>${escapeHtml(line)}</li>`).join('')
        return (
          `<!doctype html>\n<html lang="${language}" data-zone="${zone}" data-city="${escapeHtml(city.name)}" data-city-in="${escapeHtml(city.inName)}"` +
          ` data-offset="${(time.raw_offset + time.dst_offset) / 60}" data-until="${model.untilMs ?? ''}" data-ms="${epochMs}"` +
          ` data-changes="${escapeHtml(JSON.stringify(model.changes.map((c) => [c.atMs, c.offsetMinutes])))}">` +
          `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
          `<title>${escapeHtml(strings.title(city))}</title>` +
          `<meta name="description" content="${escapeHtml(strings.description(city))}">` +
          headAssets +
          `<body><header>${cities}<nav aria-label="${escapeHtml(strings.languageNav)}">${nav}</nav></header>` +
          `<main><h1>${escapeHtml(strings.heading(city))}</h1>` +
          `<p class="clock"><time id="time" datetime="${escapeHtml(local + time.utc_offset)}">` +
          `<span id="hm">${escapeHtml(local.slice(11, 16))}</span>` +
          `<span class="sec">:<span id="ss">${escapeHtml(local.slice(17, 19))}</span></span></time></p>` +
          // The verdict's place is rendered now, with its no-JS text: the script only fills it.
          `<p id="verdict" class="verdict" data-state="pending" role="status"><span class="mark" aria-hidden="true"></span><span id="verdict-text">${escapeHtml(strings.verdictNoScript)}</span></p>` +
          `<p id="fix" class="fix"></p>` +
          `<p id="date" class="date">${escapeHtml(date)}</p>` +
          `<p id="zone" class="zone">${escapeHtml(`${strings.abbreviation(time.abbreviation)} · UTC${time.utc_offset}`)}</p>` +
          `<p id="diff" class="note"></p><p id="relative" class="note"></p>` +
          `<noscript><p class="note">${escapeHtml(strings.noScript)}</p></noscript>` +
          (context ? `<ul class="context">${context}</ul>` : '') +
          `</main><footer><a href="/api/timezone/${zone}">${escapeHtml(strings.json)}</a>` +
          `<a href="/api/openapi.json">${escapeHtml(strings.api)}</a>` +
          // DB-IP's licence (CC BY 4.0) asks for this line wherever its data is used: /api/ip is.
          `<a href="https://db-ip.com">IP Geolocation by DB-IP</a></footer></body></html>\n`
        )
      }
      return [language, render]
    }),
  ) as Record<Language, (model: PageModel) => string>
  return (model, language) => pages[language](model)
}
