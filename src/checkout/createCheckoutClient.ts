import * as z from 'zod/mini'
import type { SessionClientOptions } from '../core/createSessionClient'
import { requestJson, toRequestSettings, type RequestOptions } from '../core/request'
// From the main entry (a storefront has it already), not bundled again here.
import { normalizePostalCode, postalCodeProblem, toCountry } from 'vtex-session-react'
import { SessionError } from '../core/SessionError'
import { checkCartItem, checkIndex, checkOrderFormId, checkQuantity, type CartItemInput } from './cartInput'
import { orderFormSchema, pickupPointsSchema, type OrderForm, type PickupPoint } from './orderFormSchema'
import { postalCodeAddressSchema, type PostalCodeAddress } from './postalCodeAddressSchema'
import { shippingDataBody, type ShippingTarget } from './shippingTarget'

// Methods are async: bad input rejects like a failed request, before any request.

export type { CartItemInput }

export interface CheckoutClient {
  readonly baseUrl: string
  /**
   * The shopper's cart: `GET /api/checkout/pub/orderForm` (the one the `checkout.vtex.com` cookie
   * names, else a new one) or, with an id, `GET /api/checkout/pub/orderForm/{orderFormId}`.
   */
  getOrderForm(options?: RequestOptions & { orderFormId?: string }): Promise<OrderForm>
  /** `POST …/orderForm/{id}/attachments/shippingData` for a target; answers the re-priced orderForm. */
  setShippingTarget(orderForm: OrderForm, target: ShippingTarget, options?: RequestOptions): Promise<OrderForm>
  /** `POST …/orderForm/{id}/items`: adds SKUs (to the quantity already there). */
  addItems(orderFormId: string, items: readonly CartItemInput[], options?: RequestOptions): Promise<OrderForm>
  /** `POST …/orderForm/{id}/items/update`: sets the quantity of the item at `index` (0 removes it). */
  setQuantity(orderFormId: string, index: number, quantity: number, options?: RequestOptions): Promise<OrderForm>
  /** `GET /api/checkout/pub/pickup-points` near a place: by postal code and country, or by coordinates. */
  getPickupPoints(place: Omit<ShippingTarget, 'pickupPointId'>, options?: RequestOptions): Promise<PickupPoint[]>
  /** `GET /api/checkout/pub/postal-code/{country}/{postalCode}`: the city, state and neighbourhood of a postal code. */
  getAddress(place: { country: string; postalCode: string }, options?: RequestOptions): Promise<PostalCodeAddress>
}

const invalid = (message: string) => new SessionError('invalid-input', message)

/**
 * A framework-free client for the Checkout API calls that follow the session, on the Session
 * Manager's origin (a storefront's proxy forwards both, with the `checkout.vtex.com` and
 * `CheckoutOrderFormOwnership` cookies). Every failure is a `SessionError`; input is checked first.
 */
export function createCheckoutClient(options: SessionClientOptions = {}): CheckoutClient {
  const settings = toRequestSettings(options)
  const base = '/api/checkout/pub/orderForm'
  const source = 'Checkout API'
  const post = (path: string, body: unknown, requestOptions: RequestOptions = {}) =>
    requestJson(settings, 'POST', path, orderFormSchema, 'orderForm', { ...requestOptions, body: JSON.stringify(body), source })

  return {
    baseUrl: settings.baseUrl,
    getOrderForm: async ({ orderFormId, ...requestOptions } = {}) => {
      const path = orderFormId === undefined ? base : `${base}/${checkOrderFormId(orderFormId)}`
      return requestJson(settings, 'GET', path, orderFormSchema, 'orderForm', { ...requestOptions, source })
    },
    setShippingTarget: async (orderForm, target, requestOptions) =>
      post(`${base}/${checkOrderFormId(orderForm.orderFormId)}/attachments/shippingData`, shippingDataBody(target, orderForm), requestOptions),
    addItems: async (orderFormId, items, requestOptions) => {
      const path = `${base}/${checkOrderFormId(orderFormId)}/items`
      if (!Array.isArray(items) || items.length === 0) throw invalid('addItems needs at least one { id, quantity }')
      return post(path, { orderItems: items.map(checkCartItem) }, requestOptions)
    },
    setQuantity: async (orderFormId, index, quantity, requestOptions) => {
      const path = `${base}/${checkOrderFormId(orderFormId)}/items/update`
      return post(path, { orderItems: [{ index: checkIndex(index), quantity: checkQuantity(quantity) }] }, requestOptions)
    },
    getPickupPoints: async (place, requestOptions = {}) => {
      const query = new URLSearchParams(
        place.postalCode ? { postalCode: place.postalCode, countryCode: place.country } : { geoCoordinates: (place.geoCoordinates ?? []).join(';') },
      )
      return requestJson(settings, 'GET', `/api/checkout/pub/pickup-points?${query}`, pickupPointsSchema as z.ZodMiniType<PickupPoint[]>, 'pickup point list', { ...requestOptions, source })
    },
    getAddress: async ({ country, postalCode }, requestOptions = {}) => {
      const code = toCountry(country)
      const problem = typeof postalCode === 'string' ? postalCodeProblem(code, postalCode) : 'postalCode must be a text'
      if (problem !== null) throw invalid(problem)
      const path = `/api/checkout/pub/postal-code/${code}/${encodeURIComponent(normalizePostalCode(postalCode))}`
      return requestJson(settings, 'GET', path, postalCodeAddressSchema, 'postal-code address', { ...requestOptions, source })
    },
  }
}
