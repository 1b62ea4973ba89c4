import type { QueryClient } from '@tanstack/react-query'
import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldValues, Session } from '../core/types'
import { cartEngineFor } from './cartEngineFor'
import type { CheckoutClient } from './createCheckoutClient'
import { deliveryPromiseOf, facetsTextOf } from '../core/deliveryFacets'
import type { OrderForm } from './orderFormSchema'
import { pickupPointsQuery } from './pickupPointsQuery'
import { facetsAt, orderFormHolds, shippingTargetOf, targetKeyOf, type ShippingTarget } from './shippingTarget'

/** How the cart sync reaches the provider's session (handed over by the React side). */
export interface SessionLink {
  /** The session's query key: the painted session (writes in flight included) is read there. */
  sessionKey: readonly unknown[]
  /** The session as the Session Manager last confirmed it, without the writes in flight. */
  confirmedSession: () => Session | undefined
  /** Writes public fields through the provider's write queue. */
  writeSession: (fields: PublicFieldValues) => Promise<unknown>
}

/**
 * `idle`: nothing in flight. `checking`: the pickup points near the target's place are being read,
 * to tell whether its pickup point is still in range. `writing`: one shippingData write, queued in
 * the cart's engine with its other changes, started at `priceKey`.
 */
export type CartSyncState =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'writing'; cart: CartConnection; priceKey: string }

/** Failures as they come: the Checkout client and the session's writes reject with SessionErrors. */
export interface CartSyncStatus {
  state: CartSyncState['name']
  /** The last write's (or range check's) failure, cleared by the next successful write. */
  error: SessionError | null
  /** The last failure to drop a pickup point out of range from the session, cleared by the next drop. */
  dropError: SessionError | null
}

/** A `<CartSync>` mounted: the orderForm it keeps in step, and the client it writes with. */
export interface CartConnection {
  client: CheckoutClient
  orderFormId?: string
}

/** What prices the cart besides its address: sales channel, price tables, campaigns. */
const priceKeyOf = (session: Session) =>
  JSON.stringify([
    readSessionValue(session, 'store', 'channel'),
    readSessionValue(session, 'profile', 'priceTables'),
    readSessionValue(session, 'profile', 'isAuthenticated'),
    readSessionValue(session, 'rnb', 'campaigns'),
  ])

/**
 * One QueryClient's checkout engine: it follows the confirmed session (subscribed to the cache
 * while any hook is connected, once however many are) and keeps two promises.
 *
 * A pickup point out of range: when the session names a pickup point, the points near its place are
 * read first (the query the hook lists, so it is cached and shared). A point not among them is
 * never written into the cart, and is dropped from `public.facets` once (every other key kept).
 *
 * The cart, while a `<CartSync>` is connected: after a region or delivery change it writes the
 * orderForm's shipping data once — only when the confirmed orderForm does not already hold it —
 * through the cart's engine, in order with the shopper's item changes; the re-priced answer is
 * what the cart shows (no read after). One write at a time; a target written once is not
 * written again until it changes or the orderForm is read anew, so an answer that never matches
 * cannot loop. A session change that re-prices without moving the cart (sales channel, price
 * tables) re-reads the orderForm once.
 */
export function createCartSync(queryClient: QueryClient, initialClient: CheckoutClient, session: SessionLink) {
  let client = initialClient
  let state: CartSyncState = { name: 'idle' }
  let status: CartSyncStatus = { state: 'idle', error: null, dropError: null }
  let followed: Session | undefined
  /** The confirmed session's target: one object while its key stays the same. */
  let target: ShippingTarget | undefined
  /**
   * What the cart may be written with for `target`: itself, or its place when its pickup point is
   * out of range; undefined until that point is checked, null when the check failed (nothing is written).
   */
  let writable: ShippingTarget | null | undefined
  let priceKey: string | undefined
  /** The key of the target last written (or being written): not written twice in a row. */
  let written: string | undefined
  /** The confirmed cart last looked at, to tell a fresh one (a read, an item change) from our own write's answer. */
  let seenCart: OrderForm | undefined
  /** The cart kept in step: the latest `<CartSync>` connected (mount one). */
  let cart: CartConnection | undefined
  let connections = 0
  let unsubscribe = () => {}
  const listeners = new Set<() => void>()

  /** The one place the state changes. */
  function transition(next: CartSyncState, changes: Partial<Omit<CartSyncStatus, 'state'>> = {}) {
    state = next
    status = { ...status, ...changes, state: next.name }
    for (const listener of listeners) listener()
  }

  const engineOf = (connection: CartConnection) => cartEngineFor(queryClient, connection.client, connection.orderFormId)
  const reread = (connection: CartConnection | undefined = cart) =>
    void (connection && queryClient.invalidateQueries({ queryKey: engineOf(connection).queryKey, exact: true }))

  /** Starts the check or the write the target needs, if any; true when one started. */
  function evaluate(): boolean {
    if (state.name !== 'idle' || target === undefined || priceKey === undefined) return false
    if (writable === undefined) return check(target)
    // What the Checkout holds, not what the minicart paints over it.
    const current = cart && engineOf(cart).state().confirmed.data
    if (!cart || !writable || !current || orderFormHolds(current, writable) || written === targetKeyOf(writable)) return false
    written = targetKeyOf(writable)
    const writing = { name: 'writing', cart, priceKey } as const
    transition(writing)
    engineOf(cart)
      .setShippingTarget(writable)
      .then(
        () => settle(writing, { error: null }),
        (error: SessionError) => settle(writing, { error }),
      )
    return true
  }

  /** Reads the points near the target's place (the cached query the hook lists them with). */
  function check(candidate: ShippingTarget): true {
    const { pickupPointId, ...place } = candidate
    const checking = { name: 'checking' } as const
    transition(checking)
    queryClient.fetchQuery(pickupPointsQuery(client, place)).then(
      (points) => {
        const inRange = points.some(({ id }) => id === pickupPointId)
        // A later target is checked anew.
        if (candidate === target) {
          writable = inRange ? candidate : place
          if (!inRange) drop(pickupPointId!, place)
        }
        settle(checking, {})
      },
      (error: SessionError) => {
        if (candidate === target) writable = null
        settle(checking, { error })
      },
    )
    return true
  }

  /**
   * Drops the point from `public.facets` (once: a target is checked once), unless someone chose
   * another point meanwhile — the painted session, writes in flight included, no longer names it.
   */
  function drop(pickupPointId: string, place: Omit<ShippingTarget, 'pickupPointId'>) {
    const facets = facetsTextOf({}, queryClient.getQueryData<Session>(session.sessionKey))
    if (deliveryPromiseOf(facets).pickupPoint !== pickupPointId) return
    session.writeSession({ facets: facetsAt(facets, place, undefined) }).then(
      () => transition(state, { dropError: null }),
      (dropError: SessionError) => transition(state, { dropError }),
    )
  }

  function settle(done: Exclude<CartSyncState, { name: 'idle' }>, changes: Partial<Omit<CartSyncStatus, 'state'>>) {
    transition({ name: 'idle' }, changes)
    // A write's answer was priced at its start: re-read when prices moved meanwhile.
    if (!evaluate() && done.name === 'writing' && changes.error === null && done.priceKey !== priceKey) reread(done.cart)
  }

  /** Looks again: a new confirmed session may move the target or the prices; then starts what that needs. */
  function look() {
    const confirmedCart = cart && engineOf(cart).state().confirmed
    if (confirmedCart && confirmedCart.data !== seenCart) {
      seenCart = confirmedCart.data
      // A fresh cart (not our own write's answer) may try the target once more.
      if (confirmedCart.by !== 'shipping') written = undefined
    }
    const confirmed = session.confirmedSession()
    let pricesMoved = false
    if (confirmed !== undefined && confirmed !== followed) {
      followed = confirmed
      const next = shippingTargetOf(confirmed)
      if ((next && targetKeyOf(next)) !== (target && targetKeyOf(target))) {
        target = next
        // A target without a pickup point needs no check.
        writable = next?.pickupPointId === undefined ? next : undefined
        written = undefined
      }
      const nextPriceKey = priceKeyOf(confirmed)
      pricesMoved = priceKey !== undefined && nextPriceKey !== priceKey
      priceKey = nextPriceKey
    }
    if (!evaluate() && pricesMoved && state.name === 'idle') reread()
  }

  /** Every confirmation (the session's, the cart's) is painted into the cache: an update is when to look again. */
  function watch(): () => void {
    return queryClient.getQueryCache().subscribe(({ type }) => type === 'updated' && look())
  }

  return {
    /**
     * Runs the engine while connected; returns the disconnect function. Connections are counted:
     * the first subscribes to the cache, the last unsubscribes. A cart connection (`<CartSync>`)
     * also keeps that orderForm in step, written with its client.
     */
    connect(connecting?: CartConnection): () => void {
      if (connecting) {
        cart = connecting
        client = connecting.client
      }
      if (connections++ === 0) unsubscribe = watch()
      look()
      return () => {
        if (cart === connecting) cart = undefined
        if (--connections === 0) unsubscribe()
      }
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

/** One cart sync per QueryClient and origin, whoever asks; made with the first session link given. */
export function cartSyncFor(queryClient: QueryClient, client: CheckoutClient, session: SessionLink): CartSync {
  const byOrigin = syncs.get(queryClient) ?? new Map<string, CartSync>()
  syncs.set(queryClient, byOrigin)
  const sync = byOrigin.get(client.baseUrl) ?? createCartSync(queryClient, client, session)
  byOrigin.set(client.baseUrl, sync)
  return sync
}
