import { postalCodeKey } from '../core/regionInput'
import { toRequestSettings } from '../core/request'
import type { ShippingTarget } from './shippingTarget'

/**
 * Query keys of the Checkout data of one origin (the Session Manager's), written as a client
 * writes it (no trailing slash), so a server's prefetch and the browser's hook share them.
 */
export const checkoutKeysFor = (baseUrl: string) => {
  const all = ['vtex-checkout', toRequestSettings({ baseUrl }).baseUrl] as const
  return {
    all,
    /** The orderForm of that id; `null`: the shopper's own cart (the one the `checkout.vtex.com` cookie names). */
    orderForm: (orderFormId?: string) => [...all, 'orderForm', orderFormId ?? null] as const,
    pickupPoints: (place: Omit<ShippingTarget, 'pickupPointId'> | undefined) =>
      [...all, 'pickup-points', place?.country ?? null, place?.postalCode ?? null, place?.geoCoordinates?.join(',') ?? null] as const,
    /** The Checkout API's address of a postal code: one key however it is spelled (`22250040`, `22250-040`). */
    postalCode: (country: string | undefined, postalCode: string | undefined) =>
      [...all, 'postal-code', country?.trim().toUpperCase() ?? null, postalCode === undefined ? null : postalCodeKey(postalCode)] as const,
  }
}
