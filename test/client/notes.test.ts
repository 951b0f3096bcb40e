import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createNotes } from '../../src/client/notes.ts'
import { plain } from '../fixtures.ts'

const MARCH_2027 = Date.UTC(2027, 2, 1)
const londonSpring = Date.UTC(2027, 2, 28, 1)

/** London's notes for a visitor always at `visitor` minutes east of UTC. */
const notesFor = (visitor: number, language: 'en' | 'ru' = 'en') =>
  createNotes({
    city: language === 'en' ? 'London' : 'Лондон',
    cityIn: language === 'en' ? 'in London' : 'в Лондоне',
    language,
    locale: language === 'en' ? 'en-GB' : 'ru',
    changes: [[londonSpring, 60]],
    visitorOffsetAt: () => visitor,
  })

describe('the notes on the visitor', () => {
  test('the difference now, from the zone’s offset the script holds', () => {
    assert.equal(plain(notesFor(540).difference(MARCH_2027, 0)), 'London is 9 hours behind you')
    assert.equal(plain(notesFor(0).difference(MARCH_2027, 0)), 'You are on London time')
  })

  test('the coming difference, dated in the page’s language', () => {
    assert.equal(
      plain(notesFor(540).coming(MARCH_2027, 0)),
      'From 28 March, London is 8 hours behind you',
    )
    assert.equal(
      plain(notesFor(540, 'ru').coming(MARCH_2027, 0)),
      'С 28 марта Лондон отстаёт от вас на 8 часов',
    )
  })

  test('nothing to say when nothing changes in the weeks ahead', () => {
    assert.equal(notesFor(540).coming(londonSpring + 1, 60), '')
  })
})
