import { useQuery } from '@tanstack/react-query'
import { useSession, useSessionSource, type ReadState, type SessionError } from 'vtex-session-react'
import type { CheckoutClient } from '../createCheckoutClient'
import { postalCodeAddressQuery, type PostalCodeAddress } from '../postalCodeAddress'
import { placeOf } from '../shippingTarget'
import { useCheckoutClient } from './useCheckoutClient'

export interface UsePlaceAddressResult extends ReadState {
  /** The confirmed session's postal code as the Checkout API names it; undefined without one (or by coordinates). */
  address: PostalCodeAddress | undefined
}

/**
 * The city, state and neighbourhood of the session's postal code, for a header that says where the
 * shopper is ("Botafogo, Rio de Janeiro") instead of a code. It follows the confirmed session, so it
 * never names a place the Session Manager has not accepted; each postal code is asked once per page.
 */
export function usePlaceAddress(options: { client?: CheckoutClient } = {}): UsePlaceAddressResult {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(options.client)
  const session = useSession({ select: placeOf })
  const place = session.data
  const address = useQuery<PostalCodeAddress, SessionError>(postalCodeAddressQuery(client, place), queryClient)
  const asked = place?.postalCode !== undefined
  return {
    address: asked ? address.data : undefined,
    isLoading: session.isPending || (asked && address.isPending),
    loadError: session.error ?? (asked ? address.error : null),
  }
}
