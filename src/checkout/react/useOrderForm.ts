import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback, useState, useSyncExternalStore } from 'react'
import { useSessionSource, type ReadState, type SessionError, type WriteState } from 'vtex-session-react'
import { settleForReaders } from '../../react/settleForReaders'
import { lineKeysOf } from '../cartOverlay'
import type { CartEngine } from '../cartEngine'
import type { CheckoutClient } from '../createCheckoutClient'
import { orderFormQuery } from '../orderFormQuery'
import type { OrderForm } from '../orderFormSchema'
import { useCartEngine } from './useCartEngine'
import { useCartSync } from './useCartSync'
import { useCheckoutClient } from './useCheckoutClient'

export interface UseOrderFormOptions {
  /** The orderForm to read; default: the one the shopper's `checkout.vtex.com` cookie names, else a new one. */
  orderFormId?: string
  /** A Checkout client of your own (custom fetch); pass the same one to `<CartSync>`. */
  client?: CheckoutClient
}

/** A cart line as a minicart shows it: money in the currency's units, not cents. */
export interface CartLine {
  id: string
  name: string
  quantity: number
  /** The unit selling price. */
  price: number
  imageUrl: string | undefined
  /** False when it cannot reach the shopper as the cart ships now (e.g. the pickup point lacks it). */
  available: boolean
  /**
   * A change to this line is on its way to the Checkout: `quantity` is the shopper's, name and
   * price the Checkout's last word — none yet for a SKU just added (its id names it, its price is 0).
   */
  pending?: true
}

/**
 * The result contract: the cart's read (`isLoading`, `loadError`), this hook's item changes
 * (`isPending`, `error`, `reset`), and the cart following the session (`isSyncing`, `syncError`).
 */
export interface UseOrderFormResult extends ReadState, WriteState {
  orderForm: OrderForm | undefined
  items: CartLine[]
  /** What the shopper pays for the available items, in the currency's units. */
  total: number | undefined
  currencyCode: string | undefined
  /** `<CartSync>` is writing the session's address or delivery choice to this cart. */
  isSyncing: boolean
  /** The cart could not follow the session (`<CartSync>`); cleared by its next successful write. */
  syncError: SessionError | null
  /** @deprecated since 0.2, removed in 0.3: use `isPending` (item changes) or `isSyncing` (the session's address). */
  isUpdating: boolean
  addItem: (id: string, quantity?: number) => Promise<void>
  /** Sets the quantity of the line at `index` (0 removes it). */
  setQuantity: (index: number, quantity: number) => Promise<void>
}

type ItemChange = { add: string; quantity: number } | { index: number; quantity: number }

function toLines(orderForm: OrderForm | undefined, changing: ReadonlySet<string>): CartLine[] {
  const items = orderForm?.items ?? []
  const keys = lineKeysOf(items)
  return items.map((item, at) => ({
    id: item.id,
    name: item.name ?? item.id,
    quantity: item.quantity,
    price: (item.sellingPrice ?? item.price ?? 0) / 100,
    imageUrl: item.imageUrl ?? undefined,
    available: (item.availability ?? 'available') === 'available',
    ...(changing.has(keys[at]!) && { pending: true as const }),
  }))
}

const NO_LINES: CartLine[] = []

/**
 * The shopper's cart (items with prices, totals) and item changes; re-priced in place as
 * `<CartSync>` follows the session. Every change goes through the cart's one engine, in order:
 * the cart shows the latest confirmed orderForm with the changes on their way painted over it.
 */
export function useOrderForm(options: UseOrderFormOptions = {}): UseOrderFormResult {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(options.client)
  const engine = useCartEngine(client, options.orderFormId)
  const query = useQuery<OrderForm, SessionError>(orderFormQuery(engine), queryClient)
  // Which lines are on their way changes with the engine, not always with the cart shown.
  const changing = useSyncExternalStore(engine.subscribe, engine.changingLines, engine.changingLines)
  const sync = useCartSync(client)
  const syncStatus = useSyncExternalStore(sync.subscribe, sync.status, sync.status)
  // A change goes to the cart it was made on (React Query gives a pending mutation the newest
  // render's function, which after a store switch is the next store's engine).
  const mutation = useMutation<OrderForm, SessionError, { change: ItemChange; cart: CartEngine }>(
    {
      mutationFn: ({ change, cart }) => ('add' in change ? cart.addItem(change.add, change.quantity, client) : cart.setQuantity(change.index, change.quantity, client)),
      networkMode: 'always',
    },
    queryClient,
  )
  const { mutateAsync, reset: resetMutation } = mutation
  // The latest refusal stays the hook's `error` until the shopper makes another change (or `reset`):
  // React Query's would be the latest change's only, and a quick second click would hide why a line went.
  const [error, setError] = useState<SessionError | null>(null)
  const send = useCallback(
    (change: ItemChange) => {
      setError(null)
      return settleForReaders(mutateAsync({ change, cart: engine }).catch((failure: SessionError) => Promise.reject(setError(failure) ?? failure)))
    },
    [mutateAsync, engine],
  )
  const addItem = useCallback((id: string, quantity = 1) => send({ add: id, quantity }), [send])
  const setQuantity = useCallback((index: number, quantity: number) => send({ index, quantity }), [send])
  const reset = useCallback(() => {
    setError(null)
    resetMutation()
  }, [resetMutation])
  const orderForm = query.data
  const lines = orderForm ? toLines(orderForm, changing) : NO_LINES
  const isSyncing = syncStatus.state === 'writing'
  return {
    orderForm,
    items: lines,
    total: orderForm ? (orderForm.value ?? 0) / 100 : undefined,
    currencyCode: orderForm?.storePreferencesData?.currencyCode ?? undefined,
    isLoading: query.isPending,
    loadError: query.error,
    isPending: mutation.isPending,
    error,
    reset,
    isSyncing,
    syncError: syncStatus.error,
    isUpdating: mutation.isPending || isSyncing,
    addItem,
    setQuantity,
  }
}
