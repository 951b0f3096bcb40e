// The clock page as HTML: a pure function of a PageModel and a language.
import { ZONE_PREFIX } from '../http/api-contract.ts'
import { longDateFormat } from '../i18n/dates.ts'
import { LANGUAGE_PACKS, type Language } from '../i18n/languages.ts'
import type { PageStrings } from '../i18n/pack.ts'
import { ELEMENT_IDS as ID, MARK_CLASS, STATE_ATTRIBUTES } from '../page-contract/ids.ts'
import { writePageData } from '../page-contract/page-data.ts'
import { languageQuery } from '../page-contract/search.ts'
import { formatZoneLine } from '../page-contract/words.ts'
import { escapeHtml } from './escape.ts'
import { footerOf, headerOf, headOf, onPath, type PageAssets } from './page-frame.ts'
import type { PageModel } from './page-model.ts'
import { createPageReserves, type PageReserves } from './page-reserves.ts'

export type { PageAssets } from './page-frame.ts'

export type PageOptions = { assets: PageAssets }

export type RenderPage = (model: PageModel, language: Language) => string

/** The zone's time as JSON: the script samples it, the footer links it. */
const apiPathOf = (zone: string) => ZONE_PREFIX + zone

/** The root's attributes: everything the script reads (page-contract/page-data.ts), escaped. */
const rootAttributesOf = (model: PageModel, strings: PageStrings) => {
  const { time, city } = model
  return writePageData({
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
}

/** Under a place's name, its region and its country, the country linking its page. */
const whereOf = ({ where }: PageModel, language: Language) => {
  if (!where) return ''
  const href = where.countryPath + languageQuery(language)
  const country = `<a href="${escapeHtml(href)}">${escapeHtml(where.country)}</a>`
  const region =
    where.region && where.region !== where.country ? `${escapeHtml(where.region)}, ` : ''
  return `<p class="where">${region}${country}</p>`
}

/**
 * The clock and every line the script fills, rendered now with its no-JS text and room for its
 * longest text: the script only writes into them.
 */
const mainOf = (model: PageModel, date: string, language: Language, reserves: PageReserves) => {
  const strings = LANGUAGE_PACKS[language].page
  const { time, city } = model
  const local = time.datetime.slice(0, 19)
  const context = model.context.map((line) => `<li>${escapeHtml(line)}</li>`).join('')
  const notes = reserves.notes(model)
  const zoneLine = formatZoneLine(strings.abbreviation(time.abbreviation), time.utc_offset)
  return (
    `<main><h1>${escapeHtml(strings.heading(city))}</h1>${whereOf(model, language)}` +
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

/** A language's page: what depends on the language alone is built here, once. */
const createLanguagePage = (language: Language, assets: PageAssets) => {
  const { page: strings, locale } = LANGUAGE_PACKS[language]
  // Formats a calendar date, given as a UTC midnight, exactly as the browser's script does.
  const dateFormat = longDateFormat(locale)
  const reserves = createPageReserves(language)
  return (model: PageModel) => {
    const { time, city } = model
    const [year, month, day] = time.datetime.slice(0, 10).split('-').map(Number)
    const date = dateFormat.format(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
    const head = headOf({
      language,
      title: strings.title(city),
      description: strings.description(city),
      assets,
      rootAttributes: rootAttributesOf(model, strings),
    })
    return (
      `${head}<body>${headerOf(language, onPath(model.path))}` +
      mainOf(model, date, language, reserves) +
      `${footerOf(language, apiPathOf(model.zone))}</body></html>\n`
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
