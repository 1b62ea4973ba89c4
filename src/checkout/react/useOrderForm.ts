import { useMutation, useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { useSessionSource, type ReadState, type SessionError, type WriteState } from 'vtex-session-react'
import { settleForReaders } from '../../react/settleForReaders'
import { checkoutKeysFor } from '../checkoutKeys'
import type { CheckoutClient } from '../createCheckoutClient'
import type { OrderForm } from '../orderFormSchema'
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

/**
 * The orderForm query, keyed by the id it reads. Without an id it is the shopper's own cart, the
 * one `<CartSync>` follows; once loaded, its refetches read that cart by id.
 */
export function orderFormQueryOptions(queryClient: QueryClient, client: CheckoutClient, orderFormId?: string) {
  const queryKey = checkoutKeysFor(client.baseUrl).orderForm(orderFormId)
  return {
    queryKey,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      client.getOrderForm({ orderFormId: orderFormId ?? queryClient.getQueryData<OrderForm>(queryKey)?.orderFormId, signal }),
    staleTime: 5 * 60_000,
  }
}

const toLines = (orderForm: OrderForm | undefined): CartLine[] =>
  (orderForm?.items ?? []).map((item) => ({
    id: item.id,
    name: item.name ?? item.id,
    quantity: item.quantity,
    price: (item.sellingPrice ?? item.price ?? 0) / 100,
    imageUrl: item.imageUrl ?? undefined,
    available: (item.availability ?? 'available') === 'available',
  }))

const NO_LINES: CartLine[] = []

/** The shopper's cart (items with prices, totals) and item changes; re-priced in place as `<CartSync>` follows the session. */
export function useOrderForm(options: UseOrderFormOptions = {}): UseOrderFormResult {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(options.client)
  const queryOptions = orderFormQueryOptions(queryClient, client, options.orderFormId)
  const query = useQuery<OrderForm, SessionError, OrderForm, typeof queryOptions.queryKey>(queryOptions, queryClient)
  const sync = useCartSync(client)
  const syncStatus = useSyncExternalStore(sync.subscribe, sync.status, sync.status)
  const mutation = useMutation<OrderForm, SessionError, ItemChange>(
    {
      mutationFn: async (change) => {
        const { orderFormId } = await queryClient.ensureQueryData(queryOptions)
        return 'add' in change ? client.addItems(orderFormId, [{ id: change.add, quantity: change.quantity }]) : client.setQuantity(orderFormId, change.index, change.quantity)
      },
      onSuccess: (orderForm) => queryClient.setQueryData(queryOptions.queryKey, orderForm),
      networkMode: 'always',
    },
    queryClient,
  )
  const { mutateAsync } = mutation
  const addItem = useCallback((id: string, quantity = 1) => settleForReaders(mutateAsync({ add: id, quantity })), [mutateAsync])
  const setQuantity = useCallback((index: number, quantity: number) => settleForReaders(mutateAsync({ index, quantity })), [mutateAsync])
  const orderForm = query.data
  const lines = orderForm ? toLines(orderForm) : NO_LINES
  const isSyncing = syncStatus.state === 'writing'
  return {
    orderForm,
    items: lines,
    total: orderForm ? (orderForm.value ?? 0) / 100 : undefined,
    currencyCode: orderForm?.storePreferencesData?.currencyCode ?? undefined,
    isLoading: query.isPending,
    loadError: query.error,
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
    isSyncing,
    syncError: syncStatus.error,
    isUpdating: mutation.isPending || isSyncing,
    addItem,
    setQuantity,
  }
}
