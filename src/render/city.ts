// A city's name as each language's sentences need it: "in Tokyo", "в Токио", "в Лондоне".
import type { Language } from '../i18n/languages.ts'
import type { City } from '../i18n/pack.ts'
import { cityName } from './cities.ts'

// Names whose locative the rules below would get wrong.
const RU_LOCATIVE: Record<string, string> = {}

/**
 * The Russian locative ("в Лондоне") by the regular endings of place names: a consonant takes -е,
 * -а/-я become -е, -ия becomes -ии, -й becomes -е; names ending in a vowel other than а/я
 * (Токио, Дели, Сан-Паулу) do not decline. Each part of a hyphenated name declines as a word
 * would only when it is the last: "Буэнос-Айресе", "Нью-Йорке".
 */
export const russianLocative = (name: string): string | undefined => {
  if (RU_LOCATIVE[name]) return RU_LOCATIVE[name]
  if (!/^[А-ЯЁа-яё][А-ЯЁа-яё -]*$/.test(name) || name.includes(' ')) return undefined
  if (/ия$/.test(name)) return `${name.slice(0, -1)}и`
  if (/[ая]$/.test(name)) return `${name.slice(0, -1)}е`
  if (/й$/.test(name)) return `${name.slice(0, -1)}е`
  if (/[оиуеюэыёь]$/.test(name)) return name
  return `${name}е`
}

export const cityOf = (zone: string, language: Language): City => {
  const name = cityName(zone, language)
  if (language !== 'ru') return { name, inName: `in ${name}` }
  const locative = russianLocative(name)
  return { name, inName: locative ? `в ${locative}` : `в зоне ${name}` }
}
