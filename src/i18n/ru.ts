// Every Russian string of the page, server and browser.
import type { LanguagePack } from './pack.ts'

const NBSP = '\u00a0'

export const ru = {
  name: 'Русский',
  locale: 'ru',
  page: {
    allYear: (offset, since) =>
      since ? `${offset} круглый год; часы не переводились с ${since}` : `${offset} круглый год`,
    clocksForward: (amount, abbreviation, date) =>
      `${date} часы переведут на ${amount} вперёд (${abbreviation})`,
    clocksBack: (amount, abbreviation, date) =>
      `${date} часы переведут на ${amount} назад (${abbreviation})`,
    sun: (rise, set, length) => `Восход ${rise} · закат ${set} · день ${length}`,
    polarDay: 'Солнце сегодня не заходит (полярный день)',
    polarNight: 'Солнце сегодня не восходит (полярная ночь)',
    duration: { h: 'ч', min: 'мин' },
    citiesTitle: 'Точное время во всех городах',
    areas: {
      Africa: 'Африка',
      America: 'Америка',
      Antarctica: 'Антарктида',
      Arctic: 'Арктика',
      Asia: 'Азия',
      Atlantic: 'Атлантический океан',
      Australia: 'Австралия',
      Europe: 'Европа',
      Indian: 'Индийский океан',
      Pacific: 'Тихий океан',
      Etc: 'Постоянные смещения',
      other: 'Другие зоны',
    },
    errors: {
      400: 'Неверный запрос',
      404: 'Страница не найдена',
      405: 'Метод не поддерживается',
      408: 'Время ожидания запроса истекло',
      413: 'Слишком большой запрос',
      415: 'Неподдерживаемый тип данных',
      431: 'Слишком большие заголовки запроса',
      500: 'Внутренняя ошибка сервера',
      503: 'Сервис недоступен',
      other: 'Ошибка',
    },
    allCities: 'Все города',
    abbreviation: (tzdb) => (tzdb === 'MSK' ? 'МСК' : tzdb === 'MSD' ? 'МСД' : tzdb),
    verdictNoScript: 'Включите JavaScript, чтобы проверить часы',
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
    checking: 'Проверяем ваши часы…',
    exact: 'Ваши часы идут точно',
    fast: (by) => `Ваши часы спешат на ${by}`,
    slow: (by) => `Ваши часы отстают на ${by}`,
    within: (bound) => `(±${NBSP}${bound})`,
    failed: 'Не удалось проверить часы',
    retrying: 'Сервер не ответил; скоро попробуем снова.',
    fix: {
      windows: 'Как исправить: Параметры › Время и язык › Дата и время › Синхронизировать.',
      macos: 'Как исправить: Системные настройки › Основные › Дата и время › Автоматически.',
      ios: 'Как исправить: Настройки › Основные › Дата и время › Автоматически.',
      android: 'Как исправить: Настройки › Система › Дата и время › Автоматически.',
      linux: 'Как исправить: включите синхронизацию времени (timedatectl set-ntp true).',
      other: 'Как исправить: разрешите устройству брать время из сети.',
    },
    from: (date, sentence) => `С ${date} ${sentence}`,
    sameFrom: (date, _city, cityIn) => `С ${date} время ${cityIn} совпадает с вашим`,
    units: { h: 'ч', min: 'мин', s: 'с' },
    ahead: (city, by) => `${city} опережает вас на ${by}`,
    behind: (city, by) => `${city} отстаёт от вас на ${by}`,
    same: (_city, cityIn) => `Время ${cityIn} совпадает с вашим`,
    // Accusative after «на»: на 1 час, на 2 часа, на 5 часов.
    hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minutes: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
  },
} satisfies LanguagePack
