// Every Russian string of the page, server and browser.
import type { LanguagePack } from './pack.ts'

const NBSP = '\u00a0'

export const ru = {
  name: 'Русский',
  locale: 'ru',
  page: {
    title: (city) => `Точное время ${city.inName}`,
    description: (city) =>
      `Текущее время ${city.inName} с точностью до секунды, с поправкой на часы вашего устройства; дата, день недели и часовой пояс.`,
    heading: (city) => `Время ${city.inName}`,
    languageNav: 'Язык',
    noScript:
      'Это время на момент загрузки страницы. Включите JavaScript, чтобы часы шли и учитывали погрешность часов устройства.',
    api: 'API времени',
    json: 'JSON',
  },
  client: {
    checking: 'Проверяем часы вашего устройства…',
    exact: (within) => `Часы вашего устройства идут точно${NBSP}(±${within})`,
    fast: (by, within) => `Часы вашего устройства спешат на ${by}${NBSP}(±${within})`,
    slow: (by, within) => `Часы вашего устройства отстают на ${by}${NBSP}(±${within})`,
    failed:
      'Не удалось связаться с сервером, чтобы проверить часы устройства; скоро попробуем снова.',
    units: { h: 'ч', min: 'мин', s: 'с' },
    ahead: (city, by) => `${city} опережает вас на ${by}`,
    behind: (city, by) => `${city} отстаёт от вас на ${by}`,
    same: (_city, cityIn) => `Время ${cityIn} совпадает с вашим`,
    // Accusative after «на»: на 1 час, на 2 часа, на 5 часов.
    hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minutes: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
  },
} satisfies LanguagePack
