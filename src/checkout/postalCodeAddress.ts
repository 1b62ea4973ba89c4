import * as z from 'zod/mini'
import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'

/** What the Checkout API knows of a postal code: the place a header can name ("Botafogo, Rio de Janeiro"). */
export interface PostalCodeAddress {
  postalCode: string
  country: string
  /** Empty when the Checkout API does not know the postal code. */
  city: string
  state: string
  neighborhood: string
  street: string
  /** `[longitude, latitude]`, or empty. */
  geoCoordinates: number[]
}

const text = z.pipe(z.nullish(z.string()), z.transform((value) => value ?? ''))

// https://developers.vtex.com/docs/guides/get-address-by-postal-code
export const postalCodeAddressSchema: z.ZodMiniType<PostalCodeAddress> = z.pipe(
  z.looseObject({
    postalCode: text,
    country: text,
    city: text,
    state: text,
    neighborhood: text,
    street: text,
    geoCoordinates: z.nullish(z.array(z.number())),
  }),
  z.transform((address) => ({ ...address, geoCoordinates: address.geoCoordinates ?? [] })),
)

/**
 * The address of a postal code as query options, cached per country and postal code for the page's
 * life (it does not change). A server prefetching it for the browser's provider gives that
 * provider's origin as `providerBaseUrl` (`''` for the page's own), so the keys match.
 */
export const postalCodeAddressQuery = (client: CheckoutClient, place: { country: string; postalCode?: string } | undefined, settings: { providerBaseUrl?: string } = {}) => ({
  queryKey: checkoutKeysFor(settings.providerBaseUrl ?? client.baseUrl).postalCode(place?.country, place?.postalCode),
  queryFn: ({ signal }: { signal?: AbortSignal }): Promise<PostalCodeAddress> => client.getAddress({ country: place!.country, postalCode: place!.postalCode! }, { signal }),
  enabled: place?.postalCode !== undefined,
  staleTime: Infinity,
})
