// The clock page per path, language and second: rendered once a second, the instant of each answer
// filled in. Everything a page shows holds for the whole second but the instant the script starts
// its clock from (data-ms, in milliseconds).
import type { Language } from '../i18n/languages.ts'
import { PAGE_ATTRIBUTES } from '../page-contract/ids.ts'
import type { Clock } from '../time/clock.ts'
import type { RenderPage } from './page.ts'
import type { ModelInput, PageModel } from './page-model.ts'

type Rendered = { second: number; head: string; tail: string }

// Pages of the current second only; many paths in one second (a crawler) clear it.
const MAX_PAGES = 512

export const createPageCache = (clock: Clock) => {
  const pages = new Map<string, Rendered>()
  return {
    /** The page `key` names, made by `render` at the start of the current second if need be. */
    page(key: string, render: (at: Temporal.Instant) => string): string {
      const ms = clock().epochMilliseconds
      const second = Math.floor(ms / 1000)
      let rendered = pages.get(key)
      if (rendered?.second !== second) {
        const html = render(Temporal.Instant.fromEpochMilliseconds(second * 1000))
        const marker = `${PAGE_ATTRIBUTES.ms}="${second * 1000}"`
        const at = html.indexOf(marker)
        // A page without its instant where expected is sent as made, never cached.
        if (at < 0 || html.indexOf(marker, at + 1) >= 0) return html
        if (pages.size >= MAX_PAGES) pages.clear()
        rendered = { second, head: html.slice(0, at), tail: html.slice(at + marker.length) }
        pages.set(key, rendered)
      }
      return `${rendered.head}${PAGE_ATTRIBUTES.ms}="${ms}"${rendered.tail}`
    },
  }
}

/** The clock page for `key` in `language` now: `model` builds what it shows from a clock. */
export type RenderNow = (
  key: string,
  language: Language,
  model: (input: ModelInput) => PageModel,
) => string

export const createRenderNow = ({ clock, describe }: ModelInput, render: RenderPage): RenderNow => {
  const cache = createPageCache(clock)
  return (key, language, model) =>
    cache.page(`${language} ${key}`, (at) => render(model({ clock: () => at, describe }), language))
}
