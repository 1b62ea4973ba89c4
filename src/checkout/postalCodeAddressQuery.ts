import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'
import type { PostalCodeAddress } from './postalCodeAddressSchema'

/**
 * The address of a postal code as query options, cached per country and postal code for the page's
 * life (it does not change). A server prefetching it for the browser's provider gives that
 * provider's origin as `providerBaseUrl` (`''` for the page's own), so the keys match.
 */
export const postalCodeAddressQuery = (client: CheckoutClient, place: { country: string; postalCode?: string } | undefined, settings: { providerBaseUrl?: string } = {}) => ({
  queryKey: checkoutKeysFor(settings.providerBaseUrl ?? client.baseUrl).postalCode(place?.country, place?.postalCode),
  queryFn: ({ signal }: { signal?: AbortSignal }): Promise<PostalCodeAddress> => client.getAddress({ country: place!.country, postalCode: place!.postalCode! }, { signal }),
  enabled: place?.postalCode !== undefined,
  // A postal code's address does not change: kept for the page's life, never garbage-collected.
  staleTime: Infinity,
  gcTime: Infinity,
})
