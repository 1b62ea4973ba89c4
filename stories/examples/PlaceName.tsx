import { useRegion } from 'vtex-session-react'
import { usePlaceAddress } from 'vtex-session-react/checkout'

/**
 * The confirmed place as a shopper reads it: "Botafogo, Rio de Janeiro (22250-040)", from the
 * Checkout API's answer for the postal code. The region id stays out of the text (the Session
 * inspector shows it); it is on `data-region-id` for tests and devtools.
 */
export function PlaceName({ testId = 'region' }: { testId?: string }) {
  const { regionId, postalCode, isPending } = useRegion()
  const { address } = usePlaceAddress()
  const named = [address?.neighborhood, address?.city].filter(Boolean).join(', ')
  return (
    <p data-testid={testId} data-region-id={regionId ?? ''}>
      {isPending
        ? 'Updating region…'
        : regionId
          ? `${named || 'Your region'} (${postalCode})`
          : postalCode
            ? `We do not deliver to ${postalCode} yet: no region.`
            : 'No region chosen yet.'}
    </p>
  )
}
