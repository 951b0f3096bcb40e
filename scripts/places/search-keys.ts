// The names search can find a place by, folded: its own names, the words inside them, and the
// alternates worth typing (docs/places.md, "Alternate names").
import { KIND, KINDS, type Kind } from '../../src/places/index-file.ts'
import { FOREIGN, foldName } from '../../src/places/normalize.ts'

// Latin and Cyrillic only: the scripts of the service's two languages; the rest no one here types.
const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’ʼ.,()-]+$/u
// GeoNames' machine romanizations of other scripts' names are all lower case ("lun dun").
const HAS_CAPITAL = /\p{Lu}/u
// Airport and other codes ("LED", "KZN"): noise in prefix search.
const CODE = /^[\p{Lu}\d]{2,4}$/u

/**
 * At most this many alternates a place: more for larger places, which more people spell their own
 * way; a village's other names are rarely typed and would cost the index a third more. From 100,000
 * people, in effect all (16 cut 330 cities' exonyms: Köln's 16 began with K, "Cologne" was out).
 */
export const alternateCap = (population: number): number =>
  population >= 100_000 ? 64 : population >= 15_000 ? 6 : population >= 5_000 ? 3 : 2

/** Places this large are found by the later words of their names too. */
export const WORDS_FROM = 5_000

/** Whether an alternate name is one a person of this service might type. */
export const isSearchableAlternate = (name: string): boolean =>
  name.length >= 2 && LATIN_OR_CYRILLIC.test(name) && HAS_CAPITAL.test(name) && !CODE.test(name)

export type KeyedPlace = {
  /** name, ascii and Russian name: shown, so found first. */
  primary: readonly string[]
  alternates: readonly string[]
  population: number
}

/** Each folded key of one place with its best kind. */
export const keysOfPlace = (place: KeyedPlace): Map<string, Kind> => {
  const keys = new Map<string, Kind>()
  const add = (key: string, kind: Kind) => {
    if (key === '' || key.includes(FOREIGN)) return false
    const had = keys.get(key)
    if (had !== undefined && had <= kind) return false
    keys.set(key, kind)
    return had === undefined
  }
  const primary = place.primary.filter((name) => name !== '').map(foldName)
  for (const key of primary) add(key, KIND.primary)
  // "york" finds New York, "novgorod" Nizhniy Novgorod; not for villages ("wielka").
  for (const key of place.population >= WORDS_FROM ? primary : []) {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      add(key.slice(at + 1), KIND.word)
    }
  }
  let left = alternateCap(place.population)
  // Under the cap, names that begin as one of the place's own do first ("Sankt-Peterburg" for
  // Saint Petersburg); GeoNames' order is alphabetical, which says nothing.
  const initials = new Set(primary.map((key) => key[0]))
  const alike = (name: string) => (initials.has(foldName(name)[0]) ? 0 : 1)
  const ordered = place.alternates
    .filter(isSearchableAlternate)
    .map((name) => ({ name, order: alike(name) }))
    .sort((a, b) => a.order - b.order)
  for (const { name } of ordered) {
    if (left === 0) break
    if (add(foldName(name), KIND.alternate)) left--
  }
  return keys
}

/** Every key of every place (given largest first), sorted, each with its postings. */
export const buildKeys = (places: readonly KeyedPlace[]): Array<[string, number[]]> => {
  const postings = new Map<string, number[]>()
  places.forEach((place, index) => {
    for (const [key, kind] of keysOfPlace(place)) {
      const list = postings.get(key)
      if (list) list.push(index * KINDS + kind)
      else postings.set(key, [index * KINDS + kind])
    }
  })
  // Code-unit order, as the reader's binary search compares.
  return [...postings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
