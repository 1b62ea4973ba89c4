import type { QueryClient } from '@tanstack/react-query'
import { createCartEngine, type CartEngine } from './cartEngine'
import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'

const engines = new WeakMap<QueryClient, Map<string, CartEngine>>()

/**
 * The engine of a cart on this QueryClient — the shopper's own (no id) or the orderForm of that
 * id, on the client's origin — made on first use and shared by every hook, `<CartSync>` and query
 * function after it. Its client is the one it was made with, for good.
 */
export function cartEngineFor(queryClient: QueryClient, client: CheckoutClient, orderFormId?: string): CartEngine {
  const key = JSON.stringify(checkoutKeysFor(client.baseUrl).orderForm(orderFormId))
  const byCart = engines.get(queryClient) ?? new Map<string, CartEngine>()
  engines.set(queryClient, byCart)
  const engine = byCart.get(key) ?? createCartEngine(queryClient, client, orderFormId)
  byCart.set(key, engine)
  return engine
}
