import type { ShippingTarget } from './shippingTarget'

/** Query keys of the Checkout data of one origin (the Session Manager's). */
export const checkoutKeysFor = (baseUrl: string) => {
  const all = ['vtex-checkout', baseUrl] as const
  return {
    all,
    /** The orderForm of that id; `null`: the shopper's own cart (the one the `checkout.vtex.com` cookie names). */
    orderForm: (orderFormId?: string) => [...all, 'orderForm', orderFormId ?? null] as const,
    pickupPoints: (place: Omit<ShippingTarget, 'pickupPointId'> | undefined) =>
      [...all, 'pickup-points', place?.country ?? null, place?.postalCode ?? null, place?.geoCoordinates?.join(',') ?? null] as const,
    /** The Checkout API's address of a postal code. */
    postalCode: (country: string | undefined, postalCode: string | undefined) => [...all, 'postal-code', country ?? null, postalCode ?? null] as const,
  }
}
