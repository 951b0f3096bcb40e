// The clock page as HTML: a pure function of a PageModel and a language.
import { REQUEST_TIMEOUT_MS, RESOLUTION_MS } from '../client/sync.ts'
import { formatDifference, judgeClock } from '../client/words.ts'
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
 * Hidden copies of the texts a line may come to hold, stacked in the line's one grid cell with
 * the live text (see .slot in clock.css): the line is as tall as the longest of them at whatever
 * width, font and language, from the first paint, so the script's words never move anything.
 */
const reserve = (texts: readonly string[]) =>
  [...new Set(texts)]
    .map((text) => `<span class="reserve" aria-hidden="true">${escapeHtml(text)}</span>`)
    .join('')

const longest = (texts: readonly string[]) =>
  texts.reduce((a, b) => (b.length > a.length ? b : a), '')

// Every offset in use lies within UTC-12 to UTC+14, on quarter hours.
const VISITOR_OFFSETS = Array.from({ length: (840 + 720) / 15 + 1 }, (_, i) => -720 + i * 15)
const HOUR_MS = 3_600_000

/** The verdicts the script may write: the longest fast and slow ones, with a ± and without. */
const verdictTexts = (language: Language) => {
  const { client } = LANGUAGE_PACKS[language]
  // Errors from a tenth of a second to years; the ± is largest when a sample took the timeout.
  const errors = [150, 9_990, 59_900, 239_000, HOUR_MS - 1000, 99_999 * HOUR_MS + HOUR_MS - 1000]
  const bounds = [RESOLUTION_MS, 999, REQUEST_TIMEOUT_MS / 2 + RESOLUTION_MS]
  const said = [-1, 1].flatMap((sign) =>
    errors.flatMap((error) => bounds.map((b) => judgeClock(sign * error, b, language).text)),
  )
  const fast = said.slice(0, said.length / 2)
  const slow = said.slice(said.length / 2)
  const withBound = (texts: string[], bound: boolean) =>
    longest(texts.filter((text) => text.includes('±') === bound))
  return [
    LANGUAGE_PACKS[language].page.verdictNoScript,
    client.checking,
    client.exact,
    client.failed,
    ...[fast, slow].flatMap((texts) => [withBound(texts, true), withBound(texts, false)]),
  ]
}

/**
 * The longest "8 hours 45 minutes" ahead and behind between a zone at `offsets` and any visitor.
 * Few distinct offset lists exist (tzdb's), so each is worked out once per language.
 */
const differences = new Map<string, { ahead: string; behind: string }>()
const longestDifferences = (offsets: readonly number[], language: Language) => {
  const key = `${language}:${offsets.join()}`
  let found = differences.get(key)
  if (!found) {
    const ahead: string[] = []
    const behind: string[] = []
    for (const zone of offsets)
      for (const visitor of VISITOR_OFFSETS) {
        if (zone === visitor) continue
        ;(zone > visitor ? ahead : behind).push(formatDifference(zone - visitor, language))
      }
    found = { ahead: longest(ahead), behind: longest(behind) }
    differences.set(key, found)
  }
  return found
}

/**
 * Builds everything that depends on the language alone once, so a request only fills in the zone,
 * the time and the day. The output depends on nothing but its arguments.
 */
export const createPageRenderer = ({ assets }: PageOptions): RenderPage => {
  // Each language's part is built by its first page, not at start-up: a cold start pays for one.
  const pages = new Map<Language, (model: PageModel) => string>()
  const build = (language: Language) => {
    const { page: strings, client, locale } = LANGUAGE_PACKS[language]
    // Formats a calendar date, given as a UTC midnight, exactly as the browser's script does.
    const dateFormat = longDateFormat(locale)
    const verdictReserve = reserve(verdictTexts(language))
    const fixReserve = reserve([...Object.values(client.fix), client.retrying])
    // "28 September": the longest day the coming-change note may name.
    const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' })
    const longestDay = longest(
      Array.from({ length: 12 }, (_, month) => dayFormat.format(Date.UTC(2026, month, 28, 12))),
    )
    // The notes on the visitor's difference: as long as they can be for this city.
    const buildNotes = (city: PageModel['city'], offsets: number[]) => {
      const { ahead, behind } = longestDifferences(offsets, language)
      const sentences = [
        ...(ahead ? [client.ahead(city.name, ahead)] : []),
        ...(behind ? [client.behind(city.name, behind)] : []),
      ]
      return {
        difference: reserve([...sentences, client.same(city.name, city.inName)]),
        relative: reserve([
          ...sentences.map((sentence) => client.from(longestDay, sentence)),
          client.sameFrom(longestDay, city.name, city.inName),
        ]),
      }
    }
    // They depend on the city and its offsets alone: each set is built once, not per request.
    const notesByCity = new Map<string, { difference: string; relative: string }>()
    const noteReserves = ({ city, time, changes }: PageModel) => {
      const offsets = [
        (time.raw_offset + time.dst_offset) / 60,
        ...changes.map((change) => change.offsetMinutes),
      ]
      const key = `${city.name}\n${city.inName}\n${offsets.join()}`
      let notes = notesByCity.get(key)
      if (!notes) {
        if (notesByCity.size >= 4096) notesByCity.clear()
        notes = buildNotes(city, offsets)
        notesByCity.set(key, notes)
      }
      return notes
    }
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
      const notes = noteReserves(model)
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
        // Every line the script fills is rendered now, with its no-JS text and room for its
        // longest text: the script only writes into it.
        `<p id="verdict" class="verdict slot" data-state="pending" role="status"><span id="verdict-text"><span class="mark" aria-hidden="true"></span>${escapeHtml(strings.verdictNoScript)}</span>${verdictReserve}</p>` +
        `<p class="fix slot"><span id="fix"></span><noscript>${escapeHtml(strings.noScript)}</noscript>${fixReserve}</p>` +
        `<p id="date" class="date">${escapeHtml(date)}</p>` +
        `<p id="zone" class="zone">${escapeHtml(`${strings.abbreviation(time.abbreviation)} · UTC${time.utc_offset}`)}</p>` +
        `<p class="note slot"><span id="diff"></span>${notes.difference}</p>` +
        (context ? `<ul class="context">${context}</ul>` : '') +
        `<p class="note slot"><span id="relative"></span>${notes.relative}</p>` +
        `</main><footer><a href="/api/timezone/${zone}">${escapeHtml(strings.json)}</a>` +
        `<a href="/api/openapi.json">${escapeHtml(strings.api)}</a>` +
        // DB-IP's licence (CC BY 4.0) asks for this line wherever its data is used: /api/ip is.
        `<a href="https://db-ip.com">IP Geolocation by DB-IP</a></footer></body></html>\n`
      )
    }
    return render
  }
  return (model, language) => {
    let render = pages.get(language)
    if (!render) {
      render = build(language)
      pages.set(language, render)
    }
    return render(model)
  }
}
