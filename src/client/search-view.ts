// The search field's DOM: makes the server's plain field a combobox with a listbox of suggestions,
// and draws a Combobox state into it.
import { SEARCH_IDS } from '../page-contract/search.ts'
import type { Combobox } from './combobox.ts'

export type SearchElements = { form: HTMLFormElement; input: HTMLInputElement; list: HTMLElement }

/** Finds the form and its field, and adds the (closed) listbox; undefined where there is none. */
export const setUpSearch = (document: Document): SearchElements | undefined => {
  const form = document.getElementById(SEARCH_IDS.form)
  const input = document.getElementById(SEARCH_IDS.input)
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement)) return
  const list = document.createElement('ul')
  list.id = SEARCH_IDS.list
  list.className = 'suggestions'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', input.labels?.[0]?.textContent ?? '')
  list.hidden = true
  form.append(list)
  const attributes: Record<string, string> = {
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': list.id,
    // The suggestions replace the browser's own list of past entries.
    autocomplete: 'off',
  }
  for (const [name, value] of Object.entries(attributes)) input.setAttribute(name, value)
  return { form, input, list }
}

const optionOf = (document: Document, name: string, where: string, index: number) => {
  const option = document.createElement('li')
  option.id = SEARCH_IDS.option + index
  option.setAttribute('role', 'option')
  option.setAttribute('aria-selected', 'false')
  const own = document.createElement('span')
  own.textContent = name
  const sub = document.createElement('span')
  sub.className = 'sub'
  sub.textContent = where
  option.append(own, ' ', sub)
  return option
}

export const createSearchView = ({ input, list }: SearchElements, document: Document) => {
  let drawn: Combobox['items'] | undefined
  return {
    draw: (state: Combobox) => {
      if (state.items !== drawn) {
        drawn = state.items
        list.replaceChildren(
          ...state.items.map((item, i) => optionOf(document, item.name, item.where, i)),
        )
      }
      list.hidden = !state.open
      input.setAttribute('aria-expanded', String(state.open))
      const active = state.open ? list.children[state.active] : undefined
      for (const option of list.children)
        option.setAttribute('aria-selected', String(option === active))
      if (active) {
        input.setAttribute('aria-activedescendant', active.id)
        active.scrollIntoView?.({ block: 'nearest' })
      } else input.removeAttribute('aria-activedescendant')
    },
    /** The option's position for an event inside the list, or -1. */
    indexOf: (target: EventTarget | null) => {
      const option = target instanceof Element ? target.closest('[role="option"]') : null
      return option ? [...list.children].indexOf(option) : -1
    },
  }
}
