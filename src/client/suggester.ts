// Asks the places API as the visitor types: after a pause, one request at a time, an answer to an
// older query never shown over a newer one.
import type { Suggestion } from '../page-contract/search.ts'
import { readSuggestions } from '../page-contract/search.ts'
import type { TimerId, Timers } from './timers.ts'

export type FetchJson = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{
  ok: boolean
  json(): Promise<unknown>
}>

export type SuggesterInput = {
  fetch: FetchJson
  timers: Timers
  delayMs: number
  /** The API's URL for a query. */
  urlOf: (query: string) => string
  /** The suggestions for the field's latest text; [] when it is empty or the request failed. */
  show: (items: Suggestion[]) => void
}

export const createSuggester = ({ fetch, timers, delayMs, urlOf, show }: SuggesterInput) => {
  let timer: TimerId | undefined
  let inFlight: AbortController | undefined
  let asked = 0
  const cancel = () => {
    timers.clear(timer)
    timer = undefined
    inFlight?.abort()
    inFlight = undefined
    asked++
  }
  const run = async (query: string, mine: number) => {
    const controller = new AbortController()
    inFlight = controller
    let items: Suggestion[] = []
    try {
      const answer = await fetch(urlOf(query), { signal: controller.signal })
      if (answer.ok) items = readSuggestions(await answer.json())
    } catch {
      // Aborted for a newer query, or the network failed: nothing to suggest.
    }
    if (mine === asked) show(items)
  }
  return {
    /** The field's text changed: ask after the pause, dropping whatever was under way. */
    ask: (text: string) => {
      cancel()
      const query = text.trim()
      if (query === '') return show([])
      const mine = asked
      timer = timers.set(() => void run(query, mine), delayMs)
    },
    cancel,
  }
}
