// Place names folded for search: one form for every spelling a person might type.

// Letters NFKD leaves whole, and what they fold to.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ŧ: 't',
  ŋ: 'n',
  ə: 'e',
  ɛ: 'e',
  ɔ: 'o',
  // Cyrillic letters Russian lacks, as the Russian letter nearest in sound.
  і: 'и',
  є: 'е',
  ґ: 'г',
  ј: 'й',
  ђ: 'дж',
  ћ: 'ч',
  џ: 'дж',
  љ: 'ль',
  њ: 'нь',
  ѓ: 'г',
  ќ: 'к',
  ѕ: 'дз',
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ә: 'а',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  ҡ: 'к',
  ҙ: 'з',
  ҫ: 'с',
  ӑ: 'а',
  ӗ: 'е',
  ӳ: 'у',
  җ: 'ж',
}
const APOSTROPHES = new Set(["'", '’', 'ʼ', 'ʻ', '`', '´', '‘', 'ʹ', '"'])
const SEPARATORS = /[\s\-‐‑‒–—_.,/()]+/g
const MARKS = /\p{M}/gu

/** Where the Cyrillic а..я go in a key: one byte each (U+00E0..U+00FF), so keys stay one-byte strings. */
export const CYRILLIC_SHIFT = 0x430 - 0xe0
/** Stands for any character no key holds: a query with one matches nothing. */
export const FOREIGN = '\u0001'

/**
 * The form search compares: lower case; no diacritics (so ё is е, й is и, ü is u); apostrophes
 * dropped ("Kazan'" is "kazan"); hyphens, dots and underscores as spaces; Cyrillic shifted into
 * one byte; "St"/"St." and "Ste" before another word read as "saint"/"sainte".
 */
export const foldName = (text: string): string => {
  const plain = text.toLowerCase().normalize('NFKD').replace(MARKS, '')
  let out = ''
  for (const char of plain) {
    if (APOSTROPHES.has(char)) continue
    const folded = LETTERS[char] ?? char
    for (const c of folded) out += foldChar(c)
  }
  const words = out.replace(SEPARATORS, ' ').trim().split(' ')
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] === 'st') words[i] = 'saint'
    else if (words[i] === 'ste') words[i] = 'sainte'
  }
  return words.join(' ')
}

const foldChar = (char: string): string => {
  const code = char.charCodeAt(0)
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return char
  if (code >= 0x430 && code <= 0x44f) return String.fromCharCode(code - CYRILLIC_SHIFT)
  if (SEPARATORS.test(char)) {
    SEPARATORS.lastIndex = 0
    return ' '
  }
  return FOREIGN
}

/** A folded key as people read it (Cyrillic shifted back), for tests and messages. */
export const showKey = (key: string): string =>
  key.replace(/[\u00e0-\u00ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) + CYRILLIC_SHIFT))

// Most names are ASCII words and spaces already: their slug is the name with `_` for spaces.
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/
const slugs = new Map<string, string>()

/** Text as a path segment: ASCII letters, digits and hyphens, words joined by `_`. */
export const slugOf = (text: string): string => {
  if (PLAIN_WORDS.test(text)) return text.replaceAll(' ', '_')
  const ascii = slugOfAscii(text)
  if (ascii !== undefined) return ascii
  let slug = slugs.get(text)
  if (slug === undefined) {
    slug = slugOfAny(text)
    // A few thousand distinct names with punctuation or diacritics at most: regions, paths asked.
    if (slugs.size >= 4096) slugs.clear()
    slugs.set(text, slug)
  }
  return slug
}

const APOSTROPHE = 0x27
const BACKTICK = 0x60
const HYPHEN = 0x2d
const isAlphanumeric = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)

/**
 * slugOfAny for ASCII text in one pass (GeoNames' ASCII names with punctuation: "Saint-Etienne",
 * "Val-d'Or"): apostrophes dropped, each run of other characters as `-` if it holds a hyphen, else
 * `_`, none at either end. Undefined for text with any other character.
 */
const slugOfAscii = (text: string): string | undefined => {
  let out = ''
  // The run of separators since the last letter: none, `_` or `-`.
  let run = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0x7f) return undefined
    if (c === APOSTROPHE || c === BACKTICK) continue
    if (isAlphanumeric(c)) {
      if (out !== '') out += run
      out += text[i]
      run = ''
    } else run = c === HYPHEN || run === '-' ? '-' : '_'
  }
  return out
}

const slugOfAny = (text: string): string =>
  [...text]
    .map((c) => {
      const folded = LETTERS[c.toLowerCase()]
      if (folded === undefined || folded.charCodeAt(0) > 0x7f) return c
      return c === c.toLowerCase() ? folded : folded.toUpperCase()
    })
    .join('')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/['’ʼʻ`´‘]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/[_-]*-[_-]*/g, '-')
    .replace(/^[_-]+|[_-]+$/g, '')

/** The slug as path lookups compare it: any case, `-` and `_` alike. */
export const slugKey = (slug: string): string => slug.toLowerCase().replaceAll('-', '_')
