import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useSessionSource } from 'vtex-session-react'
import type { CheckoutClient } from '../createCheckoutClient'
import { orderFormQuery } from '../orderFormQuery'
import { useCartEngine } from './useCartEngine'
import { useCartSync } from './useCartSync'
import { useCheckoutClient } from './useCheckoutClient'

export interface CartSyncProps {
  /** The orderForm to follow; default: the one the shopper's `checkout.vtex.com` cookie names, else a new one. */
  orderFormId?: string
  /** A Checkout client of your own (custom fetch); pass the same one to `useOrderForm`. */
  client?: CheckoutClient
}

/**
 * Keeps the cart's shipping data in step with the session: after each confirmed region or
 * delivery-promise change it writes the orderForm's address (and pickup point, when it is in range
 * of that place) once, only when the orderForm does not hold it already, and the re-priced answer
 * reaches `useOrderForm`. Renders nothing; mount it once, inside `<SessionProvider>`.
 */
export function CartSync({ orderFormId, client: clientProp }: CartSyncProps): null {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(clientProp)
  const sync = useCartSync(client)
  const engine = useCartEngine(client, orderFormId)
  // Keeps the orderForm loaded (one read for every reader) without re-rendering on its changes.
  useQuery({ ...orderFormQuery(engine), notifyOnChangeProps: [] }, queryClient)
  useEffect(() => sync.connect({ client, orderFormId }), [sync, client, orderFormId])
  return null
}
