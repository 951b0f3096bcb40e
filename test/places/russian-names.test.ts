import assert from 'node:assert/strict'
import { test } from 'node:test'
import { palladius } from '../../scripts/places/palladius.ts'
import { pickRussianName } from '../../scripts/places/russian-names.ts'
import { isForeignSpelling, type Spelling } from '../../scripts/places/russian-spelling.ts'

// Each row's Cyrillic alternates as GeoNames (cities500, 2023) has them, with a few Latin ones.
const pick = (name: string, country: string, alternates: string) =>
  pickRussianName({ name, ascii: name, country, alternates: alternates.split(',') })

test('well-known foreign cities get their Russian names, not a neighbour language’s', () => {
  assert.equal(pick('Munich', 'DE', 'Minhen,Mjunkhen,Минхен,Мюнхен,Мүнхен,Мүнхэн,Мӱнхен'), 'Мюнхен')
  assert.equal(pick('Barcelona', 'ES', 'Барселон,Барселонæ,Барселона,Барселоно'), 'Барселона')
  assert.equal(pick('Prague', 'CZ', 'Праг,Прагæ,Прага'), 'Прага')
  assert.equal(pick('Paris', 'FR', 'Париж,Париж ош,Парижь,Париз,Парис,Парыж,Паріж'), 'Париж')
  assert.equal(pick('Toronto', 'CA', 'Таронта,Торонто'), 'Торонто')
  assert.equal(pick('Mecca', 'SA', 'Мека,Мекка'), 'Мекка')
  assert.equal(pick('Houston', 'US', 'Хьюстон,Хюстан,Хюстон,Хюстън,Хјустон'), 'Хьюстон')
  assert.equal(pick('Jaipur', 'IN', 'Џајпур,Джайпур,Жайпур'), 'Джайпур')
  assert.equal(
    pick(
      'Buenos Aires',
      'AR',
      'Буенос Айрес,Буенос-Айрес,Буэнос Айрес,Буэнос-Айрес,Буэнос-Айрес ош',
    ),
    'Буэнос-Айрес',
  )
  assert.equal(
    pick('Philadelphia', 'US', 'Филаделфия,Филадельфи,Филадельфий,Филадельфия,Філадельфія'),
    'Филадельфия',
  )
})

test('places in Russia keep Russian spelling: no Ukrainian -ськ, no soft sign before -ск', () => {
  assert.equal(pick('Omsk', 'RU', 'Омбы,Омва,Омск,Омськ,Омьскъ'), 'Омск')
  assert.equal(pick('Novokuznetsk', 'RU', 'Новокузнецк,Новокузнецьк'), 'Новокузнецк')
  assert.equal(pick('Smolensk', 'RU', 'Смоленск,Смоленськ,Смоленьск'), 'Смоленск')
  assert.equal(pick('Kerch', 'UA', 'Керч,Керчь'), 'Керчь')
})

test('Chinese names by Palladius; the old exonym where no candidate is Palladius', () => {
  assert.equal(palladius('Zhengzhou'), 'Чжэнчжоу')
  assert.equal(palladius('Jinan'), 'Цзинань')
  assert.equal(palladius('Xi’an'), 'Сиань')
  assert.equal(palladius('Shijiazhuang'), 'Шицзячжуан')
  assert.equal(palladius('Hohhot'), undefined, 'not pinyin')
  assert.equal(pick('Shenzhen', 'CN', 'Шеньчжень,Шенџен,Шънджън,Шэньчжэнь'), 'Шэньчжэнь')
  assert.equal(pick('Qingdao', 'CN', 'Ћингдао,Циндао,Ціндао,Чиндао,Чиңдау'), 'Циндао')
  assert.equal(
    pick('Beijing', 'CN', 'Бейжің,Бээжин,Бәәҗң балһсн,Пекин,Пекинг,Пекін,Пекінґ'),
    'Пекин',
  )
})

test('each spelling rule, one way only', () => {
  const foreign: Spelling = { asciiEnd: 'a', eastAsian: false, native: false }
  const is = (a: string, b: string, spelling = foreign) => isForeignSpelling(a, b, spelling)
  for (const [theirs, ours] of [
    ['минхен', 'мюнхен'],
    ['буенос', 'буэнос'],
    ['брэмен', 'бремен'],
    ['омськ', 'омск'],
    ['хмельницький', 'хмельницкий'],
    ['хюстон', 'хьюстон'],
    ['парижь', 'париж'],
    ['жайпур', 'джайпур'],
    ['мека', 'мекка'],
    ['барселон', 'барселона'],
    ['валенсиа', 'валенсия'],
  ]) {
    assert.ok(is(theirs as string, ours as string), `${theirs} before ${ours}`)
    assert.ok(!is(ours as string, theirs as string), `${ours} kept over ${theirs}`)
  }
  assert.ok(!is('штутгарт', 'штуттгарт'), 'a doubled letter before a consonant is not kept')
  assert.ok(!is('берлин', 'берлина', { ...foreign, asciiEnd: 'n' }), 'not a genitive')
  const chinese = { ...foreign, eastAsian: true }
  assert.ok(is('шеньян', 'шэньян', chinese) && is('пекинг', 'пекин', chinese))
  assert.ok(!is('чапаевка', 'чапаэвка', { ...foreign, native: true }))
})
