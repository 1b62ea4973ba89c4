import type { SessionError } from '../core/SessionError'
import { paintChanges, type CartChange } from './cartOverlay'
import type { OrderForm } from './orderFormSchema'

/** A change waiting for its answer, and how to tell its caller. */
export interface PendingChange {
  change: CartChange
  resolve(orderForm: OrderForm): void
  reject(error: SessionError): void
}

/** What the Checkout last told us of the cart, and the event that told it. */
export interface ConfirmedCart {
  data: OrderForm | undefined
  /** The page-local order of that event (0: in the cache before the engine saw it). */
  seq: number
  /** The kind of change whose answer it is; undefined for a read (or a cache write by the app). */
  by?: CartChange['type']
}

/**
 * The write side, one request at a time, later changes queued behind it in the order they were
 * made. `loading`: changes wait for the cart itself (its id) to be read. `sending`: one change's
 * request is out.
 */
export type CartWrites =
  | { phase: 'idle' }
  | { phase: 'loading'; queued: readonly PendingChange[] }
  | { phase: 'sending'; inFlight: PendingChange; queued: readonly PendingChange[] }

export interface CartState {
  confirmed: ConfirmedCart
  writes: CartWrites
}

export type CartEvent =
  /** A read's answer (`seq`: when it started), or the app writing the cache (as of now): lands only if nothing newer was confirmed. */
  | { type: 'read'; seq: number; orderForm: OrderForm }
  /** The cache dropped the cart (garbage collection, `removeQueries`): its order is kept. */
  | { type: 'forgotten' }
  | { type: 'change'; pending: PendingChange }
  /** The change in flight was answered: the newest cart there is (`seq`: when the answer arrived). */
  | { type: 'answered'; seq: number; orderForm: OrderForm }
  /** The change in flight failed: its paint goes, the next change is sent. */
  | { type: 'failed' }
  /** The cart could not be read while changes waited for it: they fail with that error. */
  | { type: 'loadFailed'; error: SessionError }

/** What the engine does after a transition (painting the cache follows every one). */
export type CartEffect = { type: 'send'; pending: PendingChange } | { type: 'load' } | { type: 'reject'; pending: readonly PendingChange[]; error: SessionError }

export const initialCartState = (data: OrderForm | undefined): CartState => ({ confirmed: { data, seq: 0 }, writes: { phase: 'idle' } })

/** Sends the first change waiting, once the cart is known. */
function nextWrites(queued: readonly PendingChange[], cart: OrderForm | undefined, wasLoading = false): { writes: CartWrites; effects: CartEffect[] } {
  const [first, ...rest] = queued
  if (first === undefined) return { writes: { phase: 'idle' }, effects: [] }
  if (cart === undefined) return { writes: { phase: 'loading', queued }, effects: wasLoading ? [] : [{ type: 'load' }] }
  return { writes: { phase: 'sending', inFlight: first, queued: rest }, effects: [{ type: 'send', pending: first }] }
}

/** Every state change of the cart engine, and the effects it calls for. Nothing else changes the state. */
export function reduceCart(state: CartState, event: CartEvent): { state: CartState; effects: CartEffect[] } {
  const { confirmed, writes } = state
  const queued = writes.phase === 'idle' ? [] : writes.queued
  switch (event.type) {
    case 'read': {
      if (event.seq <= confirmed.seq) return { state, effects: [] }
      const cart = { data: event.orderForm, seq: event.seq }
      if (writes.phase !== 'loading') return { state: { ...state, confirmed: cart }, effects: [] }
      const next = nextWrites(queued, cart.data)
      return { state: { confirmed: cart, writes: next.writes }, effects: next.effects }
    }
    case 'forgotten':
      return { state: { ...state, confirmed: { data: undefined, seq: confirmed.seq } }, effects: [] }
    case 'change': {
      if (writes.phase !== 'idle') return { state: { ...state, writes: { ...writes, queued: [...queued, event.pending] } }, effects: [] }
      const next = nextWrites([event.pending], confirmed.data)
      return { state: { ...state, writes: next.writes }, effects: next.effects }
    }
    case 'answered':
    case 'failed': {
      if (writes.phase !== 'sending') return { state, effects: [] }
      const cart = event.type === 'answered' ? { data: event.orderForm, seq: event.seq, by: writes.inFlight.change.type } : confirmed
      const next = nextWrites(queued, cart.data)
      return { state: { confirmed: cart, writes: next.writes }, effects: next.effects }
    }
    case 'loadFailed':
      if (writes.phase !== 'loading') return { state, effects: [] }
      return { state: { ...state, writes: { phase: 'idle' } }, effects: [{ type: 'reject', pending: queued, error: event.error }] }
  }
}

/** The changes not yet confirmed, in the order they were made. */
export const unconfirmedChanges = ({ writes }: CartState): CartChange[] =>
  writes.phase === 'idle' ? [] : [...(writes.phase === 'sending' ? [writes.inFlight] : []), ...writes.queued].map(({ change }) => change)

/** What the cache shows: the latest confirmed cart with every change not yet confirmed painted over it. */
export const paintedCart = (state: CartState): OrderForm | undefined => state.confirmed.data && paintChanges(state.confirmed.data, unconfirmedChanges(state))
