// A city's name as each language's sentences need it: "in Tokyo", "в Токио", "в Лондоне".
import type { Language } from '../i18n/languages.ts'
import type { City } from '../i18n/pack.ts'
import { cityName } from './cities.ts'

// The cities of the table (data/cities/) whose phrase the rules below get wrong, whole: plurals,
// a feminine -ь, a declined adjective, and island states, which take «на».
const RU_IN: Readonly<Record<string, string>> = {
  Астрахань: 'в Астрахани',
  Афины: 'в Афинах',
  Коморы: 'на Коморах',
  Маврикий: 'на Маврикии',
  Мальдивы: 'на Мальдивах',
  'Петропавловск-Камчатский': 'в Петропавловске-Камчатском',
}

/**
 * The Russian locative ("в Лондоне") by the regular endings of place names: a consonant takes -е,
 * -а/-я become -е, -ия and -ий become -ии, -й becomes -е, -ь (masculine, as most such names
 * are) becomes -е; names ending in a vowel other than а/я (Токио, Дели, Сан-Паулу), or in a vowel
 * and -а (Апиа, Манагуа), do not decline. Only the last part of a hyphenated name declines:
 * "Буэнос-Айресе", "Нью-Йорке".
 */
export const russianLocative = (name: string): string | undefined => {
  if (!/^[А-ЯЁа-яё][А-ЯЁа-яё -]*$/.test(name) || name.includes(' ')) return undefined
  if (/и[яй]$/.test(name)) return `${name.slice(0, -1)}и`
  if (/[аеёиоуыэюя]а$/.test(name)) return name
  if (/[аяйь]$/.test(name)) return `${name.slice(0, -1)}е`
  if (/[оиуеюэыё]$/.test(name)) return name
  return `${name}е`
}

export const cityOf = (zone: string, language: Language): City => {
  const name = cityName(zone, language)
  if (language !== 'ru') return { name, inName: `in ${name}` }
  const locative = russianLocative(name)
  return { name, inName: RU_IN[name] ?? (locative ? `в ${locative}` : `в зоне ${name}`) }
}
