import { sessionKeysFor, useSessionSource } from 'vtex-session-react'
import { cartSyncFor, type CartSync } from '../cartSync'
import type { CheckoutClient } from '../createCheckoutClient'

/**
 * The provider's cart sync (one per QueryClient and origin, whichever hook asks first makes it):
 * it follows the provider's confirmed session and writes through the provider's write queue.
 */
export function useCartSync(client: CheckoutClient): CartSync {
  const source = useSessionSource()
  return cartSyncFor(source.queryClient, client, { ...source, sessionKey: sessionKeysFor(source.client.baseUrl).session })
}
