// How Russian spells a foreign name where its Cyrillic neighbours spell it otherwise: the rules
// that tell the Russian form from Ukrainian, Belarusian, Bulgarian or Serbian ones among GeoNames'
// untagged alternates (docs/places.md, "Russian names").

// Letters of other Cyrillic alphabets as the Russian letters of the same sound, so that their
// names count for the Russian spelling they share: Kazakh "Мүнхен" for "Мюнхен", "Тбілісі" for
// "Тбилиси".
const AS_RUSSIAN: Record<string, string> = {
  і: 'и',
  ї: 'и',
  є: 'е',
  ґ: 'г',
  ў: 'у',
  ј: 'й',
  љ: 'ль',
  њ: 'нь',
  ђ: 'дж',
  ћ: 'ч',
  џ: 'дж',
  ѓ: 'г',
  ќ: 'к',
  ѕ: 'з',
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ә: 'а',
  ө: 'ё',
  ұ: 'у',
  ү: 'ю',
  ӱ: 'ю',
  һ: 'х',
  ҳ: 'х',
  ҷ: 'дж',
  ӂ: 'дж',
  ӣ: 'и',
  ӯ: 'у',
  æ: 'а',
}

/** A Cyrillic name with other alphabets' letters as Russian's, lower case. */
export const asRussian = (name: string): string =>
  [...name.toLowerCase()].map((c) => AS_RUSSIAN[c] ?? c).join('')

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

const VOWELS = 'аеёиоуыэюя'
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c.toLowerCase())
const isLetter = (c: string | undefined) => c !== undefined && /[а-яё]/i.test(c)

/** Positions where two names of one length differ, or undefined where their lengths differ. */
const differences = (a: string, b: string): number[] | undefined => {
  if (a.length !== b.length) return undefined
  const at: number[] = []
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) at.push(i)
  return at
}

/** `longer` is `shorter` with `piece` put in at one place: that place, else -1. */
const insertedAt = (shorter: string, longer: string, piece: string): number => {
  if (longer.length !== shorter.length + piece.length) return -1
  let i = 0
  while (i < shorter.length && shorter[i] === longer[i]) i++
  return longer.slice(i, i + piece.length) === piece &&
    longer.slice(i + piece.length) === shorter.slice(i)
    ? i
    : -1
}

export type Spelling = {
  /** The folded Latin name's last letter. */
  asciiEnd: string
  /** Chinese, Korean, Japanese: э after consonants too. */
  eastAsian: boolean
  /** A place of the former USSR or another Cyrillic country: its own Russian name, Russian's е after vowels ("Чапаевка"). */
  native: boolean
}

/**
 * Whether `name` is another language's spelling of `other`, both candidates of one place:
 * - Serbian and Macedonian have no ю: "Минхен" loses to "Мюнхен";
 * - Ukrainian writes е where Russian writes э at a word's start or after a vowel ("Буенос-Айрес"),
 *   Belarusian э after consonants ("Брэмен");
 * - a soft sign Russian writes ("Хьюстон", "Яньтай", "Казань"), but not after ж, ш, ч, щ at the
 *   end ("Парижь", "Череповець") nor Ukrainian's "-ськ", "-цький" ("Омськ");
 * - дж for j where others write ж ("Жайпур"); -ия for -ia, not -иа ("Валенсиа");
 * - in Chinese, Korean and Japanese names н for ng ("Пекинг", "Баодинг");
 * - a doubled letter between vowels or at the end, which Russian keeps ("Мекка", "Бонн");
 * - a form cut short ("Праг", "Барселон"), where the Latin name ends as the longer one does.
 */
export const isForeignSpelling = (name: string, other: string, spelling: Spelling): boolean => {
  const changed = differences(name, other)
  if (changed) {
    if (changed.length === 0) return false
    if (changed.every((i) => name[i] === 'и' && other[i] === 'ю')) return true
    if (name.endsWith('иа') && other === `${name.slice(0, -1)}я`) return true
    const eOrE = (c: string | undefined) => c === 'е' || c === 'э'
    if (!changed.every((i) => eOrE(name[i]) && eOrE(other[i]))) return false
    // Russian: е after a consonant, э at a word's start or (in foreign names) after a vowel.
    const wantsE = (i: number) =>
      !spelling.eastAsian && isLetter(name[i - 1]) && (spelling.native || !isVowel(name[i - 1]))
    return changed.every((i) => (other[i] === 'е') === wantsE(i))
  }
  if (name.replace(UKRAINIAN_SK, '$1к') === other) return true
  const extraSoft = insertedAt(other, name, 'ь')
  if (extraSoft >= 0)
    return isSibilantEnd(name, extraSoft) || name.startsWith('ньск', extraSoft - 1)
  const soft = insertedAt(name, other, 'ь')
  if (soft >= 0) {
    // Not Ukrainian's -ськ, -цьк, nor -ньск ("Луганьск"; but Russian's "Аральск").
    const ukrainian = /^([сц]ьк|ньск)/.test(other.slice(soft - 1))
    return !isSibilantEnd(other, soft) && !ukrainian
  }
  const j = insertedAt(name, other, 'д')
  if (j >= 0) return other[j + 1] === 'ж'
  const twin = doubledAt(name, other)
  if (twin >= 0) {
    const next = other[twin + 2]
    return !isLetter(next) || (isVowel(next) && isVowel(other[twin - 1]))
  }
  if (
    spelling.eastAsian &&
    /нг(?![а-яё])/.test(name) &&
    name.replace(/нг(?![а-яё])/g, 'н') === other
  ) {
    return true
  }
  if (other.length === name.length + 1 && other.startsWith(name)) {
    const extra = other.at(-1) as string
    if (isVowel(extra)) return /[aeiouy]/.test(spelling.asciiEnd)
    return !spelling.eastAsian && romanize(extra).endsWith(spelling.asciiEnd)
  }
  return false
}

/** A soft sign at `at` that ends a word after ж, ш or ц: not Russian's in a place name. */
const isSibilantEnd = (name: string, at: number) =>
  'жшц'.includes(name[at - 1] ?? '-') && !isLetter(name[at + 1])

const UKRAINIAN_SK = /([сц])ьк/g

/** Where `longer` doubles a letter of `shorter` ("Мека" -> "Мекка": 2), else -1. */
const doubledAt = (shorter: string, longer: string): number => {
  if (longer.length !== shorter.length + 1) return -1
  for (let i = 0; i < longer.length - 1; i++) {
    if (longer[i] === longer[i + 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter)
      return i
  }
  return -1
}
