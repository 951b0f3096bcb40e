// The search field with the script: suggestions from /api/places as the visitor types, chosen by
// keyboard or pointer. Without the script the same form still works (GET /search).
import { languageQuery, MAX_QUERY, SUGGEST_DELAY_MS, suggestUrl } from '../page-contract/search.ts'
import { CLOSED, type Combobox, pressKey, withItems } from './combobox.ts'
import { createSearchView, setUpSearch } from './search-view.ts'
import { createSuggester, type FetchJson } from './suggester.ts'
import type { Timers } from './timers.ts'

export type SearchInput = {
  document: Document
  language: string
  fetch: FetchJson
  timers: Timers
  /** Opens a page of this origin. */
  go: (path: string) => void
}

export const startSearch = ({ document, language, fetch, timers, go }: SearchInput) => {
  const elements = setUpSearch(document)
  if (!elements) return
  const { input, list } = elements
  const view = createSearchView(elements, document)
  let state: Combobox = CLOSED
  const set = (next: Combobox) => {
    state = next
    view.draw(state)
  }
  const open = (page: string) => go(page + languageQuery(language))
  const suggester = createSuggester({
    fetch,
    timers,
    delayMs: SUGGEST_DELAY_MS,
    urlOf: (query) => suggestUrl(query, language),
    show: (items) => set(withItems(items)),
  })

  input.addEventListener('input', () => {
    if (input.value.length > MAX_QUERY) return set(CLOSED)
    suggester.ask(input.value)
  })
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return
    const outcome = pressKey(state, event.key, input.value !== '')
    if (!outcome.handled) return
    event.preventDefault()
    if (outcome.clear) {
      input.value = ''
      suggester.cancel()
    }
    set(outcome.state)
    if (outcome.go) open(outcome.go)
  })
  // The list takes no focus: a press on it must not blur the field, which would close it.
  list.addEventListener('mousedown', (event) => event.preventDefault())
  list.addEventListener('click', (event) => {
    const item = state.items[view.indexOf(event.target)]
    if (item) open(item.page)
  })
  input.addEventListener('blur', () => set({ ...state, open: false, active: -1 }))
  input.addEventListener('focus', () => {
    if (state.items.length > 0) set({ ...state, open: true })
  })
}
