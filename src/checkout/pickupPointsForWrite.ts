import type { QueryClient } from '@tanstack/react-query'
import type { CheckoutClient } from './createCheckoutClient'
import type { PickupPoint } from './orderFormSchema'
import { pickupPointsQuery } from './pickupPointsQuery'
import type { ShippingTarget } from './shippingTarget'

/**
 * The points near a place, for a write that needs them now: the cached list, else one request
 * sent at once. Not `fetchQuery`: it would join the list's own read, which React Query pauses
 * offline (a write must fail fast instead). The answer is cached for the list's readers; a
 * failure leaves the list as it was.
 */
export async function pickupPointsForWrite(queryClient: QueryClient, client: CheckoutClient, place: Omit<ShippingTarget, 'pickupPointId'>): Promise<PickupPoint[]> {
  const { queryKey } = pickupPointsQuery(client, place)
  const cached = queryClient.getQueryData<PickupPoint[]>(queryKey)
  if (cached) return cached
  const points = await client.getPickupPoints(place)
  queryClient.setQueryData(queryKey, points)
  return points
}
