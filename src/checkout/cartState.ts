import type { SessionError } from '../core/SessionError'
import { paintChanges, withoutRefusedAdd, type CartChange } from './cartOverlay'
import type { CheckoutClient } from './createCheckoutClient'
import type { OrderForm } from './orderFormSchema'

/** A change waiting for its answer, and how to tell its caller. */
export interface PendingChange {
  change: CartChange
  /** The client of the hook that made it, when it has one of its own (a custom fetch). */
  via?: CheckoutClient
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
 * The write side: one change's request out at a time (`sending`; a change made before the cart
 * was loaded waits for its read first), later changes queued behind it in the order they were made.
 */
export type CartWrites = { phase: 'idle' } | { phase: 'sending'; inFlight: PendingChange; queued: readonly PendingChange[] }

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
  /**
   * The change in flight is over: answered (`orderForm`, the newest cart there is; `seq`: when
   * the answer arrived) or failed (its paint goes). The next change is sent.
   */
  | { type: 'settled'; seq: number; orderForm?: OrderForm }

/** What the engine does after a transition (painting the cache follows every one). */
export type CartEffect = { type: 'send'; pending: PendingChange }

export const initialCartState = (data: OrderForm | undefined): CartState => ({ confirmed: { data, seq: 0 }, writes: { phase: 'idle' } })

/** Sends the first change waiting, if any. */
function sendFirst([first, ...queued]: readonly PendingChange[]): { writes: CartWrites; effects: CartEffect[] } {
  return first ? { writes: { phase: 'sending', inFlight: first, queued }, effects: [{ type: 'send', pending: first }] } : { writes: { phase: 'idle' }, effects: [] }
}

/** Every state change of the cart engine, and the effects it calls for. Nothing else changes the state. */
export function reduceCart(state: CartState, event: CartEvent): { state: CartState; effects: CartEffect[] } {
  const { confirmed, writes } = state
  switch (event.type) {
    case 'read':
      return { state: event.seq > confirmed.seq ? { ...state, confirmed: { data: event.orderForm, seq: event.seq } } : state, effects: [] }
    case 'forgotten':
      return { state: { ...state, confirmed: { data: undefined, seq: confirmed.seq } }, effects: [] }
    case 'change': {
      if (writes.phase === 'sending') return { state: { ...state, writes: { ...writes, queued: [...writes.queued, event.pending] } }, effects: [] }
      const next = sendFirst([event.pending])
      return { state: { ...state, writes: next.writes }, effects: next.effects }
    }
    case 'settled': {
      if (writes.phase === 'idle') return { state, effects: [] }
      // A refused add no longer counts in what the adds of its line behind it show.
      const next = sendFirst(event.orderForm ? writes.queued : withoutRefusedAdd(writes.queued, writes.inFlight.change))
      const answered = event.orderForm && { data: event.orderForm, seq: event.seq, by: writes.inFlight.change.type }
      return { state: { confirmed: answered ?? confirmed, writes: next.writes }, effects: next.effects }
    }
  }
}

/** The changes not yet confirmed, in the order they were made. */
export const unconfirmedChanges = ({ writes }: CartState): CartChange[] =>
  writes.phase === 'idle' ? [] : [writes.inFlight, ...writes.queued].map(({ change }) => change)

/** What the cache shows: the latest confirmed cart with every change not yet confirmed painted over it. */
export const paintedCart = (state: CartState): OrderForm | undefined => state.confirmed.data && paintChanges(state.confirmed.data, unconfirmedChanges(state))
