import { useRegion } from 'vtex-session-react'
import { usePlaceAddress, type PostalCodeAddress } from 'vtex-session-react/checkout'

/** "Botafogo, Rio de Janeiro": the neighbourhood and city the Checkout API gave; '' when it knows neither. */
export const placeLabelOf = (address: PostalCodeAddress | undefined) => [address?.neighborhood, address?.city].filter(Boolean).join(', ')

/**
 * The confirmed place as a shopper reads it: "Botafogo, Rio de Janeiro (22250-040)", from the
 * Checkout API's answer for the postal code. `pending` is the writer's own `isPending` (each
 * `useRegion()` call has its own). The region id stays out of the text (the Session inspector
 * shows it); it is on `data-region-id` for tests and devtools.
 */
export function PlaceName({ testId = 'region', pending = false }: { testId?: string; pending?: boolean }) {
  const { regionId } = useRegion()
  // Confirmed only, so a postal code is never shown under another place's name.
  const { place, address } = usePlaceAddress()
  const named = placeLabelOf(address)
  const code = place?.postalCode
  return (
    <p data-testid={testId} data-region-id={regionId ?? ''}>
      {pending
        ? 'Updating region…'
        : regionId
          ? `${named || 'Your region'}${code ? ` (${code})` : ''}`
          : code
            ? `We do not deliver to ${code} yet: no region.`
            : 'No region chosen yet.'}
    </p>
  )
}
