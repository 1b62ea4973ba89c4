import type { QueryClient } from '@tanstack/react-query'
import { readSessionValue } from '../core/readSessionValue'
import { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'
import type { OrderForm } from './orderFormSchema'
import { orderFormHolds, shippingTargetOf, targetKeyOf, type ShippingTarget } from './shippingTarget'

/** `idle`: nothing in flight. `writing`: one shippingData write, for `target`, started at `priceKey`. */
export type CartSyncState = { name: 'idle' } | { name: 'writing'; target: ShippingTarget; priceKey: string }

export interface CartSyncStatus {
  state: CartSyncState['name']
  /** The last write's failure (cleared by the next success). */
  error: SessionError | null
}

/** What prices the cart besides its address: trade policy, price tables, campaigns. */
const priceKeyOf = (session: Session) =>
  JSON.stringify([
    readSessionValue(session, 'store', 'channel'),
    readSessionValue(session, 'profile', 'priceTables'),
    readSessionValue(session, 'profile', 'isAuthenticated'),
    readSessionValue(session, 'rnb', 'campaigns'),
  ])

const toSessionError = (cause: unknown) =>
  cause instanceof SessionError ? cause : new SessionError('network', `The shipping data write failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })

/**
 * Keeps one QueryClient's cart in step with its confirmed session: after a region or delivery
 * change it writes the orderForm's shipping data once — only when the orderForm does not already
 * hold it — and puts the re-priced answer in the cache (no read after). One write at a time; a
 * target written once is not written again until it changes or the orderForm is read anew, so
 * an answer that never matches cannot loop. A session change that re-prices without moving the
 * cart (trade policy, price tables) re-reads the orderForm once.
 */
export function createCartSync(queryClient: QueryClient, initialClient: CheckoutClient) {
  let client = initialClient
  let orderFormKey: readonly unknown[] = checkoutKeysFor(client.baseUrl).orderForm()
  let state: CartSyncState = { name: 'idle' }
  let status: CartSyncStatus = { state: 'idle', error: null }
  let target: ShippingTarget | undefined
  let priceKey: string | undefined
  /** The key of the target last written (or being written): not written twice in a row. */
  let written: string | undefined
  /** The orderForm our own write put in the cache, to tell it from a fresh read. */
  let ownAnswer: OrderForm | undefined
  let applying = false
  const listeners = new Set<() => void>()

  /** The one place the state changes. */
  function transition(next: CartSyncState, error: SessionError | null = status.error) {
    state = next
    status = { state: next.name, error }
    for (const listener of listeners) listener()
  }

  const orderForm = () => queryClient.getQueryData<OrderForm>(orderFormKey)
  const reread = () => void queryClient.invalidateQueries({ queryKey: orderFormKey, exact: true })

  /** Starts the write the target needs, if any; true when one started. */
  function evaluate(): boolean {
    const current = orderForm()
    if (state.name !== 'idle' || target === undefined || current === undefined || priceKey === undefined) return false
    if (orderFormHolds(current, target)) return false
    const key = targetKeyOf(target)
    if (written === key) return false
    written = key
    const writing = { name: 'writing', target, priceKey } as const
    transition(writing)
    client.setShippingTarget(current, target).then(
      (answer) => {
        // What the cache keeps: the earlier object when the answer equals it (structural sharing).
        applying = true
        ownAnswer = queryClient.setQueryData<OrderForm>(orderFormKey, answer)
        applying = false
        settle(writing, null)
      },
      (cause: unknown) => settle(writing, toSessionError(cause)),
    )
    return true
  }

  function settle(done: Extract<CartSyncState, { name: 'writing' }>, error: SessionError | null) {
    transition({ name: 'idle' }, error)
    // The answer was priced at the write's start: re-read when prices moved meanwhile.
    if (!evaluate() && error === null && done.priceKey !== priceKey) reread()
  }

  return {
    /** Follows a confirmed session (undefined while none is loaded). */
    follow(session: Session | undefined, latestClient: CheckoutClient) {
      client = latestClient
      if (session === undefined) return
      const nextTarget = shippingTargetOf(session)
      const nextPriceKey = priceKeyOf(session)
      const pricesMoved = priceKey !== undefined && nextPriceKey !== priceKey
      if ((nextTarget && targetKeyOf(nextTarget)) !== (target && targetKeyOf(target))) written = undefined
      target = nextTarget
      priceKey = nextPriceKey
      if (!evaluate() && pricesMoved && state.name === 'idle') reread()
    },
    /** Watches the orderForm of that id (default: the shopper's own cart) in the cache; returns the unsubscribe function. */
    connect(orderFormId?: string): () => void {
      orderFormKey = checkoutKeysFor(client.baseUrl).orderForm(orderFormId)
      return queryClient.getQueryCache().subscribe((event) => {
        if (applying || event.type !== 'updated' || event.query.queryHash !== JSON.stringify(orderFormKey)) return
        const data = orderForm()
        if (data === undefined) return
        // A fresh read (not our own answer) may try the target once more.
        if (data !== ownAnswer) written = undefined
        evaluate()
      })
    },
    status: () => status,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type CartSync = ReturnType<typeof createCartSync>

const syncs = new WeakMap<QueryClient, Map<string, CartSync>>()

/** One cart sync per QueryClient and origin, whoever asks. */
export function cartSyncFor(queryClient: QueryClient, client: CheckoutClient): CartSync {
  const byOrigin = syncs.get(queryClient) ?? new Map<string, CartSync>()
  syncs.set(queryClient, byOrigin)
  const sync = byOrigin.get(client.baseUrl) ?? createCartSync(queryClient, client)
  byOrigin.set(client.baseUrl, sync)
  return sync
}
