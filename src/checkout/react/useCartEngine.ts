import { useSessionSource } from 'vtex-session-react'
import type { CartEngine } from '../cartEngine'
import { cartEngineFor } from '../cartEngineFor'
import type { CheckoutClient } from '../createCheckoutClient'

/** The engine of the cart these options name, on the provider's QueryClient: one per cart, whoever asks first makes it. */
export function useCartEngine(client: CheckoutClient, orderFormId?: string): CartEngine {
  return cartEngineFor(useSessionSource().queryClient, client, orderFormId)
}
