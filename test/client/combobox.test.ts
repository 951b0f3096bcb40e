import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CLOSED, pressKey, withItems } from '../../src/client/combobox.ts'

const items = ['Kazan', 'Kazanlak', 'Kazansky'].map((name) => ({
  name,
  where: 'Somewhere',
  page: `/city/${name}`,
}))
const press = (keys: string[], state = withItems(items), hasText = true) =>
  keys.reduce((s, key) => pressKey(s, key, hasText).state, state)

describe('the combobox’s keys (WAI-ARIA APG: combobox with listbox popup)', () => {
  test('new suggestions open the list with none highlighted; none keep it closed', () => {
    assert.deepEqual(withItems(items), { items, active: -1, open: true })
    assert.equal(withItems([]).open, false)
  })

  test('Down and Up move through the options, wrapping at either end', () => {
    assert.equal(press(['ArrowDown']).active, 0)
    assert.equal(press(['ArrowDown', 'ArrowDown', 'ArrowDown']).active, 2)
    assert.equal(press(['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown']).active, 0)
    assert.equal(press(['ArrowUp']).active, 2)
    assert.equal(press(['ArrowDown', 'ArrowUp']).active, 2)
  })

  test('Down on a closed list opens it at the first option, Up at the last', () => {
    const closed = press(['Escape'])
    assert.equal(closed.open, false)
    assert.deepEqual(
      [press(['ArrowDown'], closed).open, press(['ArrowDown'], closed).active],
      [true, 0],
    )
    assert.equal(press(['ArrowUp'], closed).active, 2)
  })

  test('Enter on a highlighted option opens its page; with none, the form submits as typed', () => {
    const highlighted = press(['ArrowDown', 'ArrowDown'])
    const chosen = pressKey(highlighted, 'Enter', true)
    assert.deepEqual(
      [chosen.go, chosen.handled, chosen.state.open],
      ['/city/Kazanlak', true, false],
    )
    const typed = pressKey(withItems(items), 'Enter', true)
    assert.deepEqual([typed.go, typed.handled], [undefined, false])
    assert.equal(pressKey(press(['ArrowDown', 'Escape']), 'Enter', true).handled, false)
  })

  test('Escape closes an open list; on a closed one it empties the field', () => {
    const closed = pressKey(press(['ArrowDown']), 'Escape', true)
    assert.deepEqual(
      [closed.handled, closed.clear, closed.state.open, closed.state.active],
      [true, undefined, false, -1],
    )
    const cleared = pressKey(closed.state, 'Escape', true)
    assert.deepEqual([cleared.handled, cleared.clear, cleared.state], [true, true, CLOSED])
    assert.equal(
      pressKey(CLOSED, 'Escape', false).handled,
      false,
      'nothing to clear: the browser’s',
    )
  })

  test('arrows with nothing to suggest, and other keys, are left to the field', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'Enter'])
      assert.equal(pressKey(CLOSED, key, true).handled, false, key)
    for (const key of ['a', 'Tab', 'Home', 'ArrowLeft'])
      assert.equal(pressKey(press(['ArrowDown']), key, true).handled, false, key)
  })
})
