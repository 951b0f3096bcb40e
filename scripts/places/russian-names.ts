// The Russian name of a place, picked from GeoNames' untagged alternate names (docs/places.md,
// "Russian names"): Cyrillic names in Russian's own alphabet, scored by how near they sit to the
// other Cyrillic names, by spelling rules against each other, and by the place's own name.
import { foldName } from '../../src/places/normalize.ts'
import { palladius } from './palladius.ts'
import { asRussian, isForeignSpelling, romanize } from './russian-spelling.ts'

export { romanize } from './russian-spelling.ts'

// Title-case words of Russian's alphabet, joined by spaces or hyphens ("Ростов-на-Дону").
const RUSSIAN_WORDS =
  /^[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*(?: [А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*)*$/
// A hard sign before anything but е, ё, ю, я is Bulgarian or pre-1918 spelling ("Лондонъ").
const FOREIGN_HARD_SIGN = /ъ(?![еёюя])/
// Letters of other Cyrillic alphabets: a name with one is not Russian.
const OTHER_CYRILLIC = /[іїєґўђјљњћџѓќѕәғқңөұүһҡҙҫӑӗӳҗӣӯҳҷҥӧӱӹ]/i

/** Whether a name can be Russian at all: Russian's letters, title case, no stray hard sign. */
export const isRussianCandidate = (name: string): boolean =>
  RUSSIAN_WORDS.test(name) && !FOREIGN_HARD_SIGN.test(name)

/** Whether a name is in another Cyrillic alphabet: the other side of the letter-pair model. */
export const isOtherCyrillic = (name: string): boolean =>
  /[а-яё]/i.test(name) && (OTHER_CYRILLIC.test(name) || FOREIGN_HARD_SIGN.test(name))

// Case endings GeoNames' alternates carry by mistake ("Москвы", "Киеве" beside "Москва", "Киев").
const ENDINGS = /(?:ы|е|у|ой|ом|и|ого|ем)$/

/**
 * Whether a name is another of the candidates in an oblique case; not where a foreign place's
 * Latin name ends as it does ("Тбилиси" beside a cut-short "Тбилис": Tbilisi).
 */
const isInflected = (name: string, candidates: ReadonlySet<string>, asciiEnd?: string) => {
  const stem = name.replace(ENDINGS, '')
  if (stem === name || stem.length < 3) return false
  if (asciiEnd !== undefined && romanize(name).endsWith(asciiEnd)) return false
  for (const other of candidates) {
    if (other !== name && other.length <= name.length && other.startsWith(stem)) {
      if (other === stem || /^[аяоьй]$/.test(other.slice(stem.length))) return true
    }
  }
  return false
}

/** Levenshtein distance over a's and b's length: 0 alike, 1 nothing shared. */
const spreadBetween = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      )
    }
    row = next
  }
  return (row[b.length] as number) / Math.max(a.length, b.length)
}

// GeoNames names places in Russia by their Russian name's romanization: the strongest sign.
const ROMANIZED = 10
// Chinese names by the Palladius system: as strong, where the ASCII name is pinyin and a candidate
// is that or one letter off.
const PALLADIUS = 10
// A rule of isForeignSpelling against another candidate.
const FOREIGN = 3
// Russian transcribes a foreign name from its own spelling: the closer to the Latin name, the
// likelier ("Торонто" beside Belarusian "Таронта").
const LATIN = 2
// "Kazan'" among the Latin names: the soft sign is Russian's, not a Tatar "Казан".
const SOFT_SIGN_SEEN = 2
// Russian hyphenates compound foreign names where Bulgarian and Serbian write spaces.
const HYPHENATED = 1
const SPREAD = 10

// Countries whose places Russian names from its own history or their Cyrillic, not the Latin name.
const CYRILLIC_HERITAGE = new Set(
  'RU UA BY KZ KG TJ UZ TM AZ AM GE MD LT LV EE BG RS MK MN ME BA'.split(' '),
)

// Russian writes э after consonants in Chinese, Korean, Japanese and Mongolian names ("Тэгу",
// "Сэндай", "Цэцэрлэг").
const EAST_ASIAN = new Set(['CN', 'TW', 'KR', 'KP', 'JP', 'MN'])

export type NamedPlace = {
  name: string
  ascii: string
  country: string
  alternates: readonly string[]
}

/**
 * The Russian name among a place's alternates, or undefined. Other Cyrillic languages transcribe
 * from Russian or alongside it, so the Russian form sits amid them: each candidate scores its mean
 * distance to every Cyrillic alternate, their letters read as Russian's (the medoid wins), less
 * FOREIGN for each other candidate it is another language's spelling of, plus the signs above.
 */
export const pickRussianName = (place: NamedPlace): string | undefined => {
  const candidates = new Set(place.alternates.filter(isRussianCandidate))
  const byLatin = !CYRILLIC_HERITAGE.has(place.country)
  // Where the other Cyrillic names are the place's own (Ukrainian "Броварі"), they are not read
  // as Russian: Russian has its own name for it ("Бровары").
  const cyrillic = [...new Set(place.alternates.filter((name) => /[а-яё]/i.test(name)))].map(
    (name) => (byLatin ? asRussian(name) : name.toLowerCase()),
  )
  const latin = new Set(place.alternates.map((name) => name.toLowerCase()))
  const ascii = foldName(place.ascii)
  const own = new Set([foldName(place.name), ascii])
  const chinese = place.country === 'CN' ? palladius(place.ascii)?.toLowerCase() : undefined
  const asciiEnd = ascii.at(-1) ?? ''
  const eastAsian = EAST_ASIAN.has(place.country)
  let best: string | undefined
  let bestScore = Number.NEGATIVE_INFINITY
  for (const name of candidates) {
    if (isInflected(name, candidates, byLatin ? asciiEnd : undefined)) continue
    const lower = name.toLowerCase()
    const spread = cyrillic.reduce((sum, other) => sum + spreadBetween(lower, other), 0)
    let score = (-SPREAD * spread) / cyrillic.length
    if (place.country === 'RU' && own.has(foldName(romanize(name)))) score += ROMANIZED
    if (name.includes('ь') && latin.has(romanize(name, "'"))) score += SOFT_SIGN_SEEN
    if (name.includes('-') && candidates.has(name.replaceAll('-', ' '))) score += HYPHENATED
    for (const other of candidates) {
      if (isForeignSpelling(lower, other.toLowerCase(), { asciiEnd, eastAsian, native: !byLatin }))
        score -= FOREIGN
    }
    if (chinese) score += PALLADIUS * Math.max(0, 1 - 4 * spreadBetween(lower, chinese))
    else if (byLatin) score += LATIN * (1 - spreadBetween(foldName(romanize(name)), ascii))
    if (score > bestScore) {
      best = name
      bestScore = score
    }
  }
  return best
}
