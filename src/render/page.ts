// The clock page as HTML: a pure function of a PageModel and a language.
import { API_ROUTES, ZONE_PREFIX } from '../http/api-contract.ts'
import { longDateFormat } from '../i18n/dates.ts'
import { LANGUAGE_PACKS, LANGUAGES, type Language } from '../i18n/languages.ts'
import type { PageStrings } from '../i18n/pack.ts'
import { ELEMENT_IDS as ID, MARK_CLASS, STATE_ATTRIBUTES } from '../page-contract/ids.ts'
import { writePageData } from '../page-contract/page-data.ts'
import { formatZoneLine } from '../page-contract/words.ts'
import { escapeHtml } from './escape.ts'
import type { PageModel } from './page-model.ts'
import { createPageReserves, type PageReserves } from './page-reserves.ts'

/** Public URLs of the page's assets (content-hashed, so cacheable forever). */
export type PageAssets = { script: string; style: string; icon: string }

export type PageOptions = { assets: PageAssets }

export type RenderPage = (model: PageModel, language: Language) => string

/** The zone's time as JSON: the script samples it, the footer links it. */
const apiPathOf = (zone: string) => ZONE_PREFIX + zone

/** `<html>` with everything the script reads (page-contract/page-data.ts), escaped. */
const openHtml = (model: PageModel, language: Language, strings: PageStrings) => {
  const { time, city } = model
  const attributes = writePageData({
    api: apiPathOf(model.zone),
    city: city.name,
    cityIn: city.inName,
    abbreviation: strings.abbreviation(time.abbreviation),
    offsetMinutes: (time.raw_offset + time.dst_offset) / 60,
    untilMs: model.untilMs,
    ms: Temporal.Instant.from(time.utc_datetime).epochMilliseconds,
    changes: model.changes.map((change) => [change.atMs, change.offsetMinutes] as const),
  })
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
  return `<!doctype html>\n<html lang="${language}"${attributes}>`
}

/** The language switch on the page's own path, and the link to the index. */
const headerOf = (path: string, language: Language, strings: PageStrings) => {
  const nav = LANGUAGES.map(
    (other) =>
      `<a href="${escapeHtml(path)}?lang=${other}" hreflang="${other}" lang="${other}"${other === language ? ' aria-current="page"' : ''}>${LANGUAGE_PACKS[other].name}</a>`,
  ).join('')
  const cities = `<a href="/cities${language === 'en' ? '' : `?lang=${language}`}">${escapeHtml(strings.allCities)}</a>`
  return `<header>${cities}<nav aria-label="${escapeHtml(strings.languageNav)}">${nav}</nav></header>`
}

/**
 * The clock and every line the script fills, rendered now with its no-JS text and room for its
 * longest text: the script only writes into them.
 */
const mainOf = (model: PageModel, date: string, strings: PageStrings, reserves: PageReserves) => {
  const { time, city } = model
  const local = time.datetime.slice(0, 19)
  const context = model.context.map((line) => `<li>${escapeHtml(line)}</li>`).join('')
  const notes = reserves.notes(model)
  const zoneLine = formatZoneLine(strings.abbreviation(time.abbreviation), time.utc_offset)
  return (
    `<main><h1>${escapeHtml(strings.heading(city))}</h1>` +
    `<p class="clock"><time id="${ID.time}" datetime="${escapeHtml(local + time.utc_offset)}">` +
    `<span id="${ID.hm}">${escapeHtml(local.slice(11, 16))}</span>` +
    `<span class="sec">:<span id="${ID.ss}">${escapeHtml(local.slice(17, 19))}</span></span></time></p>` +
    `<p id="${ID.verdict}" class="verdict slot" ${STATE_ATTRIBUTES.state}="pending" role="status"><span id="${ID.verdictText}"><span class="${MARK_CLASS}" aria-hidden="true"></span>${escapeHtml(strings.verdictNoScript)}</span>${reserves.verdict}</p>` +
    `<p class="fix slot"><span id="${ID.fix}"></span><noscript>${escapeHtml(strings.noScript)}</noscript>${reserves.fix}</p>` +
    `<p id="${ID.date}" class="date">${escapeHtml(date)}</p>` +
    `<p id="${ID.zone}" class="zone">${escapeHtml(zoneLine)}</p>` +
    `<p class="note slot"><span id="${ID.difference}"></span>${notes.difference}</p>` +
    (context ? `<ul class="context">${context}</ul>` : '') +
    `<p class="note slot"><span id="${ID.relative}"></span>${notes.relative}</p></main>`
  )
}

const footerOf = (zone: string, strings: PageStrings) =>
  `<footer><a href="${escapeHtml(apiPathOf(zone))}">${escapeHtml(strings.json)}</a>` +
  `<a href="${API_ROUTES.openApi}">${escapeHtml(strings.api)}</a>` +
  // DB-IP's licence (CC BY 4.0) asks for this line wherever its data is used: /api/ip is.
  `<a href="https://db-ip.com">IP Geolocation by DB-IP</a></footer>`

/** A language's page: what depends on the language alone is built here, once. */
const createLanguagePage = (language: Language, assets: PageAssets) => {
  const { page: strings, locale } = LANGUAGE_PACKS[language]
  // Formats a calendar date, given as a UTC midnight, exactly as the browser's script does.
  const dateFormat = longDateFormat(locale)
  const reserves = createPageReserves(language)
  const headAssets =
    `<meta name="color-scheme" content="light dark">` +
    `<link rel="icon" href="${escapeHtml(assets.icon)}" type="image/svg+xml">` +
    `<link rel="stylesheet" href="${escapeHtml(assets.style)}">` +
    `<script type="module" src="${escapeHtml(assets.script)}"></script></head>`
  return (model: PageModel) => {
    const { time, city } = model
    const [year, month, day] = time.datetime.slice(0, 10).split('-').map(Number)
    const date = dateFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
    return (
      openHtml(model, language, strings) +
      `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<title>${escapeHtml(strings.title(city))}</title>` +
      `<meta name="description" content="${escapeHtml(strings.description(city))}">` +
      headAssets +
      `<body>${headerOf(model.path, language, strings)}` +
      mainOf(model, date, strings, reserves) +
      `${footerOf(model.zone, strings)}</body></html>\n`
    )
  }
}

/**
 * Builds everything that depends on the language alone once, so a request only fills in the zone,
 * the time and the day. The output depends on nothing but its arguments.
 */
export const createPageRenderer = ({ assets }: PageOptions): RenderPage => {
  // Each language's part is built by its first page, not at start-up: a cold start pays for one.
  const pages = new Map<Language, (model: PageModel) => string>()
  return (model, language) => {
    let render = pages.get(language)
    if (!render) {
      render = createLanguagePage(language, assets)
      pages.set(language, render)
    }
    return render(model)
  }
}
