import { readSessionValue, type SavedAddress, type Session } from 'vtex-session-react'
import type { CheckoutClient } from './createCheckoutClient'

/**
 * A logged-in shopper's saved addresses, as the Checkout lists them in the cart
 * (`shippingData.availableAddresses`, the chosen one first), for
 * `regionPolicy({ savedAddresses: savedAddressesFrom(checkoutClient) })`. An anonymous shopper has
 * none: no request is made for them.
 */
export const savedAddressesFrom =
  (client: CheckoutClient) =>
  async (session: Session): Promise<readonly SavedAddress[]> => {
    if (readSessionValue(session, 'profile', 'isAuthenticated') !== 'true') return []
    const { shippingData } = await client.getOrderForm()
    return shippingData?.availableAddresses ?? []
  }
