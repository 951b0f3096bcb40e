// The Russian name of a place, picked from GeoNames' untagged alternate names (docs/places.md,
// "Russian names"): Cyrillic names in Russian's own alphabet, scored by a letter-pair model of
// Russian against the other Cyrillic languages, and by matching the place's romanized name.
import { foldName } from '../../src/places/normalize.ts'

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

const ROMAN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
}

/** BGN/PCGN romanization, as GeoNames spells places in Russia ("Нижний Новгород" -> "Nizhniy Novgorod"). */
export const romanize = (name: string, softSign = ''): string => {
  let out = ''
  let previous = ' '
  for (const char of name.toLowerCase()) {
    const vowelBefore = /[\s-аеёиоуыэюяьъ]/.test(previous)
    if (char === 'ь') out += softSign
    else out += (char === 'е' || char === 'ё') && vowelBefore ? 'ye' : (ROMAN[char] ?? char)
    previous = char
  }
  return out
}

// Case endings GeoNames' alternates carry by mistake ("Москвы", "Киеве" beside "Москва", "Киев").
const ENDINGS = /(?:ы|е|у|ой|ом|и|ого|ем)$/

/** Whether a name is another of the candidates in an oblique case. */
const isInflected = (name: string, candidates: ReadonlySet<string>): boolean => {
  const stem = name.replace(ENDINGS, '')
  if (stem === name || stem.length < 3) return false
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
// "Kazan'" among the Latin names: the soft sign is Russian's, not a Tatar "Казан".
const SOFT_SIGN_SEEN = 2
// Russian hyphenates compound foreign names where Bulgarian and Serbian write spaces.
const HYPHENATED = 1
const SPREAD = 10

export type NamedPlace = {
  name: string
  ascii: string
  country: string
  alternates: readonly string[]
}

/**
 * The Russian name among a place's alternates, or undefined. Other Cyrillic languages transcribe
 * from Russian or alongside it, so the Russian form sits amid them: each candidate scores its mean
 * distance to every Cyrillic alternate (the medoid wins), plus the signs above.
 */
export const pickRussianName = (place: NamedPlace): string | undefined => {
  const candidates = new Set(place.alternates.filter(isRussianCandidate))
  const cyrillic = [...new Set(place.alternates.filter((name) => /[а-яё]/i.test(name)))]
  const latin = new Set(place.alternates.map((name) => name.toLowerCase()))
  const own = new Set([foldName(place.name), foldName(place.ascii)])
  let best: string | undefined
  let bestScore = Number.NEGATIVE_INFINITY
  for (const name of candidates) {
    if (isInflected(name, candidates)) continue
    const spread = cyrillic.reduce((sum, other) => sum + spreadBetween(name, other), 0)
    let score = (-SPREAD * spread) / cyrillic.length
    if (place.country === 'RU' && own.has(foldName(romanize(name)))) score += ROMANIZED
    if (name.includes('ь') && latin.has(romanize(name, "'"))) score += SOFT_SIGN_SEEN
    if (name.includes('-') && candidates.has(name.replaceAll('-', ' '))) score += HYPHENATED
    if (score > bestScore) {
      best = name
      bestScore = score
    }
  }
  return best
}
