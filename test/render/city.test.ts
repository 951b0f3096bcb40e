import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cityOf, russianLocative } from '../../src/render/city.ts'

test('Russian place names take the locative by their endings', () => {
  for (const [name, locative] of [
    ['Москва', 'Москве'],
    ['Лондон', 'Лондоне'],
    ['Самара', 'Самаре'],
    ['Шанхай', 'Шанхае'],
    ['Никосия', 'Никосии'],
    ['Нью-Йорк', 'Нью-Йорке'],
    ['Буэнос-Айрес', 'Буэнос-Айресе'],
    ['Токио', 'Токио'],
    ['Дели', 'Дели'],
    ['Сан-Паулу', 'Сан-Паулу'],
    ['Брюссель', 'Брюсселе'],
    ['Анадырь', 'Анадыре'],
    ['Маврикий', 'Маврикии'],
    ['Манагуа', 'Манагуа'],
    ['Апиа', 'Апиа'],
  ] as const) {
    assert.equal(russianLocative(name), locative, name)
  }
})

test('names the rules cannot decline are left to a neutral phrase', () => {
  assert.equal(russianLocative('GMT+5'), undefined)
  assert.equal(russianLocative('Порт-о-Пренс де'), undefined)
})

test('cities in both languages', () => {
  assert.deepEqual(cityOf('Asia/Tokyo', 'ru'), { name: 'Токио', inName: 'в Токио' })
  assert.deepEqual(cityOf('Europe/Moscow', 'ru'), { name: 'Москва', inName: 'в Москве' })
  assert.deepEqual(cityOf('Europe/London', 'en'), { name: 'London', inName: 'in London' })
  assert.equal(cityOf('Etc/GMT+5', 'ru').inName, 'в зоне GMT+5')
})

test('the table’s cities the rules get wrong have their phrase, with «на» for island states', () => {
  for (const [zone, inName] of [
    ['Europe/Astrakhan', 'в Астрахани'],
    ['Europe/Athens', 'в Афинах'],
    ['Asia/Kamchatka', 'в Петропавловске-Камчатском'],
    ['Indian/Maldives', 'на Мальдивах'],
    ['Indian/Comoro', 'на Коморах'],
    ['Indian/Mauritius', 'на Маврикии'],
  ] as const) {
    assert.equal(cityOf(zone, 'ru').inName, inName, zone)
  }
})
