import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'
import type { PickupPoint } from './orderFormSchema'
import type { ShippingTarget } from './shippingTarget'

/**
 * The pickup points near a place, cached per place: one query for the hook that lists them and the
 * cart sync that checks a chosen point is still in range, so they share one request.
 */
export const pickupPointsQuery = (client: CheckoutClient, place: Omit<ShippingTarget, 'pickupPointId'> | undefined) => ({
  queryKey: checkoutKeysFor(client.baseUrl).pickupPoints(place),
  queryFn: ({ signal }: { signal?: AbortSignal }): Promise<PickupPoint[]> => client.getPickupPoints(place!, { signal }),
  enabled: place !== undefined,
  staleTime: 5 * 60_000,
})
