import * as z from 'zod/mini'

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
