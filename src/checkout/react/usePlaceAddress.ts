import { useQuery } from '@tanstack/react-query'
import { useSession, useSessionSource, type ReadState, type Session, type SessionError } from 'vtex-session-react'
import { useConfirmedState } from '../../subpaths/useConfirmedState'
import type { CheckoutClient } from '../createCheckoutClient'
import { postalCodeAddressQuery } from '../postalCodeAddressQuery'
import type { PostalCodeAddress } from '../postalCodeAddressSchema'
import { placeOf } from '../shippingTarget'
import { useCheckoutClient } from './useCheckoutClient'

export interface UsePlaceAddressResult extends ReadState {
  /** The confirmed session's postal code as the Checkout API names it; undefined without one (or by coordinates). */
  address: PostalCodeAddress | undefined
}

/** The confirmed postal code as one comparable text: `undefined` until loaded, `''` without one. */
function postalCodeText(session: Session | undefined): string | undefined {
  if (session === undefined) return undefined
  const place = placeOf(session)
  return place?.postalCode ? `${place.country}\n${place.postalCode}` : ''
}

const readOnly = () => true

/**
 * The city, state and neighbourhood of the session's postal code, for a header that says where the
 * shopper is ("Botafogo, Rio de Janeiro") instead of a code. It follows the session as the Session
 * Manager confirmed it (not a write still in flight), so it never names a place the Session Manager
 * has not accepted; each postal code is asked once per page.
 */
export function usePlaceAddress(options: { client?: CheckoutClient } = {}): UsePlaceAddressResult {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(options.client)
  // The session's read state only (`select` keeps its data out of this component's renders).
  const session = useSession({ select: readOnly })
  const text = useConfirmedState(postalCodeText)
  const [country = '', postalCode] = text ? text.split('\n') : []
  const place = postalCode === undefined ? undefined : { country, postalCode }
  const address = useQuery<PostalCodeAddress, SessionError>(postalCodeAddressQuery(client, place), queryClient)
  const asked = place !== undefined
  return {
    address: asked ? address.data : undefined,
    isLoading: session.isPending || (asked && address.isPending),
    loadError: session.error ?? (asked ? address.error : null),
  }
}
