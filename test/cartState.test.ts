import { describe, expect, it } from 'vitest'
import { paintChanges, type CartChange } from '../src/checkout/cartOverlay'
import { initialCartState, paintedCart, reduceCart, type CartEvent, type CartState, type PendingChange } from '../src/checkout/cartState'
import type { OrderForm } from '../src/checkout/index'

const line = (id: string, quantity: number, cents = 1000) => ({ id, seller: '1', quantity, name: id.toUpperCase(), sellingPrice: cents, availability: 'available' })
const cart = (...items: ReturnType<typeof line>[]): OrderForm => ({ orderFormId: 'of-1', items, value: items.reduce((sum, item) => sum + item.sellingPrice * item.quantity, 0) })
const pending = (change: CartChange): PendingChange => ({ change, resolve: () => {}, reject: () => {} })
const add = (id: string, quantity = 1, shows?: number) => pending({ type: 'add', item: { id, quantity, seller: '1' }, shows })
const shipping = pending({ type: 'shipping', target: { country: 'BRA', postalCode: '22250040' } })

/** Runs events in order; returns the last state and every effect, by type. */
function run(events: CartEvent[], state: CartState = initialCartState(cart(line('a', 1)))) {
  const effects: string[] = []
  for (const event of events) {
    const transition = reduceCart(state, event)
    state = transition.state
    effects.push(...transition.effects.map(({ type }) => type))
  }
  return { state, effects }
}

const shown = (state: CartState) => paintedCart(state)?.items.map(({ id, quantity }) => `${quantity}×${id}`)

describe('the cart reducer: next state and effects, nothing else', () => {
  it('a change while idle is sent at once; later ones queue in the order they were made, each sent when the one before is answered', () => {
    const mug = add('mug', 1, 1)
    const { state, effects } = run([
      { type: 'change', pending: shipping },
      { type: 'change', pending: mug },
      { type: 'change', pending: add('kettle', 2, 2) },
    ])
    expect(effects).toEqual(['send'])
    expect(state.writes).toMatchObject({ phase: 'sending', inFlight: shipping, queued: [mug, { change: { item: { id: 'kettle' } } }] })
    // Shown at once, in order, over the confirmed cart.
    expect(shown(state)).toEqual(['1×a', '1×mug', '2×kettle'])
    const answered = run([{ type: 'settled', seq: 1, orderForm: cart(line('a', 1, 900)) }], state)
    expect(answered.effects).toEqual(['send'])
    expect(answered.state).toMatchObject({ confirmed: { seq: 1, by: 'shipping' }, writes: { phase: 'sending', inFlight: mug } })
    expect(shown(answered.state)).toEqual(['1×a', '1×mug', '2×kettle'])
  })

  it('orders by the page: a read that started before the latest confirmation is dropped; the cache before the engine (seq 0) is older than all', () => {
    const { state } = run([
      { type: 'change', pending: add('mug', 1, 1) },
      { type: 'settled', seq: 3, orderForm: cart(line('a', 1), line('mug', 1)) },
      { type: 'read', seq: 2, orderForm: cart(line('a', 1)) },
    ])
    expect(shown(state)).toEqual(['1×a', '1×mug'])
    const read = run([{ type: 'read', seq: 4, orderForm: cart(line('a', 5)) }], state).state.confirmed
    expect([read.seq, read.by]).toEqual([4, undefined])
    // Forgetting keeps the order.
    const forgotten = run([{ type: 'forgotten' }, { type: 'read', seq: 3, orderForm: cart() }], state).state
    expect(forgotten.confirmed).toEqual({ data: undefined, seq: 3 })
  })

  it('a read that lands while a change is out, holding it already or not, shows it once', () => {
    const out = run([{ type: 'change', pending: add('a', 2, 3) }]).state
    expect(shown(out)).toEqual(['3×a'])
    expect(shown(run([{ type: 'read', seq: 1, orderForm: cart(line('a', 1)) }], out).state)).toEqual(['3×a'])
    expect(shown(run([{ type: 'read', seq: 1, orderForm: cart(line('a', 3)) }], out).state)).toEqual(['3×a'])
  })

  it('a failed change loses its paint and keeps the confirmed cart; the next change is sent', () => {
    const { state, effects } = run([{ type: 'change', pending: add('mug', 1, 1) }, { type: 'change', pending: add('kettle', 1, 1) }, { type: 'settled', seq: 1 }])
    expect(effects).toEqual(['send', 'send'])
    expect(state.confirmed.seq).toBe(0)
    expect(shown(state)).toEqual(['1×a', '1×kettle'])
    expect(run([{ type: 'settled', seq: 2 }], state).state).toMatchObject({ writes: { phase: 'idle' }, confirmed: { seq: 0 } })
  })

  it('without a cart, a change is sent (its request waits for the cart) and painted once the cart is read', () => {
    const waiting = run([{ type: 'change', pending: add('mug') }, { type: 'change', pending: add('kettle') }], initialCartState(undefined))
    expect(waiting).toMatchObject({ effects: ['send'], state: { writes: { phase: 'sending', queued: [{ change: { item: { id: 'kettle' } } }] } } })
    expect(shown(waiting.state)).toBeUndefined()
    // Made before the cart was seen: painted on top of what it holds.
    expect(shown(run([{ type: 'read', seq: 1, orderForm: cart(line('mug', 2)) }], waiting.state).state)).toEqual(['3×mug', '1×kettle'])
  })
})

describe('paintChanges: what a change on its way looks like', () => {
  it('sets the quantity of the line it was made on, wherever that line is now, and moves the total by its price', () => {
    const base = cart(line('a', 1, 1000), line('b', 2, 500), line('c', 1, 300))
    const painted = paintChanges(base, [
      { type: 'quantity', index: 0, line: 'a@1', quantity: 0 },
      // Made on the cart as shown then: `b` at index 0 once `a` was removed.
      { type: 'quantity', index: 0, line: 'b@1', quantity: 5 },
    ])
    expect(painted.items.map(({ id, quantity }) => `${quantity}×${id}`)).toEqual(['5×b', '1×c'])
    expect(painted.value).toBe(5 * 500 + 300)
    // A SKU new to the cart counts nothing until the Checkout prices it; a change that paints nothing leaves the cart as it is.
    expect(paintChanges(base, [{ type: 'add', item: { id: 'd', quantity: 1, seller: '1' }, shows: 1 }])).toMatchObject({ value: base.value, items: [{}, {}, {}, { id: 'd', quantity: 1 }] })
    expect(paintChanges(base, [shipping.change, { type: 'quantity', index: 1, quantity: 3 }])).toBe(base)
  })
})
