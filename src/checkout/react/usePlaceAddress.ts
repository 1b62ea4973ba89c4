import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useSession, useSessionSource, type ReadState, type Session, type SessionError } from 'vtex-session-react'
import { useConfirmedState } from '../../subpaths/useConfirmedState'
import { useTransientRetry } from '../../subpaths/useTransientRetry'
import type { CheckoutClient } from '../createCheckoutClient'
import { postalCodeAddressQuery } from '../postalCodeAddressQuery'
import type { PostalCodeAddress } from '../postalCodeAddressSchema'
import { placeOf } from '../shippingTarget'
import type { SessionPlace } from '../../core/sessionPlace'
import { useCheckoutClient } from './useCheckoutClient'

export interface UsePlaceAddressResult extends ReadState {
  /** The session's place as the Session Manager confirmed it (not a write in flight); undefined without one. */
  place: SessionPlace | undefined
  /** That place's postal code as the Checkout API names it; undefined without one (or by coordinates), and while it loads. */
  address: PostalCodeAddress | undefined
}

/** The confirmed place as one comparable text (a snapshot `Object.is` can compare); `null` without one. */
const placeText = (session: Session | undefined): string => JSON.stringify((session && placeOf(session)) ?? null)

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
  const text = useConfirmedState(placeText)
  const place = useMemo(() => (JSON.parse(text) as SessionPlace | null) ?? undefined, [text])
  const retry = useTransientRetry()
  const address = useQuery<PostalCodeAddress, SessionError>({ ...postalCodeAddressQuery(client, place), retry }, queryClient)
  const asked = place?.postalCode !== undefined
  return {
    place,
    address: asked ? address.data : undefined,
    isLoading: session.isPending || (asked && address.isPending),
    loadError: session.error ?? (asked ? address.error : null),
  }
}
