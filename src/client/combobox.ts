// The search field's suggestions as the WAI-ARIA combobox pattern wants them (pure): what each key
// does to the list, and where Enter goes.
import type { Suggestion } from '../page-contract/search.ts'

export type Combobox = {
  readonly items: readonly Suggestion[]
  /** The highlighted option, -1 for none: Enter then submits the form as typed. */
  readonly active: number
  readonly open: boolean
}

export const CLOSED: Combobox = { items: [], active: -1, open: false }

/** New suggestions: shown when there are any, none highlighted yet. */
export const withItems = (items: readonly Suggestion[]): Combobox => ({
  items,
  active: -1,
  open: items.length > 0,
})

export type KeyOutcome = {
  state: Combobox
  /** The key was the list's: the browser must not act on it as well. */
  handled: boolean
  /** Enter on an option: the page to open. */
  go?: string
  /** Escape on a closed list: the field is emptied. */
  clear?: boolean
}

const moved = (state: Combobox, step: 1 | -1): Combobox => {
  const count = state.items.length
  // From no option, down goes to the first and up to the last; moving wraps around.
  const from = state.open && state.active >= 0 ? state.active : step === 1 ? -1 : count
  return { ...state, open: true, active: (from + step + count) % count }
}

/** What `key` (KeyboardEvent.key) does; keys the list does not know are left to the field. */
export const pressKey = (state: Combobox, key: string, hasText: boolean): KeyOutcome => {
  const ignored = { state, handled: false }
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      return state.items.length === 0
        ? ignored
        : { state: moved(state, key === 'ArrowDown' ? 1 : -1), handled: true }
    case 'Enter': {
      const item = state.open ? state.items[state.active] : undefined
      return item ? { state: { ...state, open: false }, handled: true, go: item.page } : ignored
    }
    case 'Escape':
      if (state.open) return { state: { ...state, open: false, active: -1 }, handled: true }
      return hasText ? { state: CLOSED, handled: true, clear: true } : ignored
    default:
      return ignored
  }
}
