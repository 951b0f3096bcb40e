// Chinese place names as Russian writes them: pinyin (GeoNames' ASCII names of places in China)
// to Cyrillic by the Palladius system ("Zhengzhou" -> "Чжэнчжоу", "Jinan" -> "Цзинань").

const INITIALS: Record<string, string> = {
  zh: 'чж',
  ch: 'ч',
  sh: 'ш',
  b: 'б',
  p: 'п',
  m: 'м',
  f: 'ф',
  d: 'д',
  t: 'т',
  n: 'н',
  l: 'л',
  g: 'г',
  k: 'к',
  h: 'х',
  j: 'цз',
  q: 'ц',
  x: 'с',
  r: 'ж',
  z: 'цз',
  c: 'ц',
  s: 'с',
}

const FINALS: Record<string, string> = {
  a: 'а',
  o: 'о',
  e: 'э',
  ai: 'ай',
  ei: 'эй',
  ao: 'ао',
  ou: 'оу',
  an: 'ань',
  en: 'энь',
  ang: 'ан',
  eng: 'эн',
  ong: 'ун',
  er: 'эр',
  i: 'и',
  ia: 'я',
  ie: 'е',
  iao: 'яо',
  iu: 'ю',
  ian: 'янь',
  in: 'инь',
  iang: 'ян',
  ing: 'ин',
  iong: 'юн',
  u: 'у',
  ua: 'уа',
  uo: 'о',
  uai: 'уай',
  ui: 'уй',
  uan: 'уань',
  un: 'унь',
  uang: 'уан',
  ue: 'юэ',
  v: 'юй',
  ve: 'юэ',
}

// Syllables with no initial, and finals that read otherwise after some initials.
const WHOLE: Record<string, string> = {
  yi: 'и',
  ya: 'я',
  ye: 'е',
  yao: 'яо',
  you: 'ю',
  yan: 'янь',
  yin: 'инь',
  yang: 'ян',
  ying: 'ин',
  yong: 'юн',
  yu: 'юй',
  yue: 'юэ',
  yuan: 'юань',
  yun: 'юнь',
  wu: 'у',
  wa: 'ва',
  wo: 'во',
  wai: 'вай',
  wei: 'вэй',
  wan: 'вань',
  wen: 'вэнь',
  wang: 'ван',
  weng: 'вэн',
  hui: 'хуэй',
}
// After j, q and x, u is ü.
const PALATAL: Record<string, string> = { u: 'юй', ue: 'юэ', uan: 'юань', un: 'юнь' }
const FLAT = new Set(['z', 'c', 's'])

const syllable = (text: string): string | undefined => {
  if (WHOLE[text]) return WHOLE[text]
  const initial = ['zh', 'ch', 'sh'].includes(text.slice(0, 2)) ? text.slice(0, 2) : text[0]
  const cyrillicInitial = initial ? INITIALS[initial] : undefined
  const final = cyrillicInitial ? text.slice((initial as string).length) : text
  if (final === 'i' && initial && FLAT.has(initial)) return `${cyrillicInitial}ы`
  const cyrillicFinal =
    initial && 'jqx'.includes(initial) ? (PALATAL[final] ?? FINALS[final]) : FINALS[final]
  if (cyrillicFinal === undefined) return undefined
  return (cyrillicInitial ?? '') + cyrillicFinal
}

/**
 * A word split into pinyin syllables, longest first with backtracking; undefined if it is not
 * pinyin. No syllable after the first begins with a vowel: pinyin would write an apostrophe or y, w.
 */
const words = (word: string): string | undefined => {
  if (word === '') return ''
  for (let length = Math.min(6, word.length); length > 0; length--) {
    const head = syllable(word.slice(0, length))
    if (head === undefined || 'aeiouv'.includes(word[length] ?? '-')) continue
    const rest = words(word.slice(length))
    if (rest !== undefined) return head + rest
  }
  return undefined
}

/** The Palladius form of a pinyin name, or undefined where it is not pinyin ("Hohhot"). */
export const palladius = (name: string): string | undefined => {
  const parts = name
    .toLowerCase()
    .split(/[\s-]+/)
    .map((word) => {
      const pieces = word.split(/['’]/).map(words)
      return pieces.some((piece) => piece === undefined) ? undefined : pieces.join('')
    })
  if (parts.some((part) => part === undefined)) return undefined
  const joined = parts.join(' ')
  return (
    joined.charAt(0).toUpperCase() +
    joined.slice(1).replace(/ (.)/g, (_, c: string) => ` ${c.toUpperCase()}`)
  )
}
