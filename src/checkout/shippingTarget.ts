import { postalCodeKey } from '../core/regionInput'
import { placeOf, type SessionPlace } from '../core/sessionPlace'
import type { Session } from '../core/types'
import { deliveryPromiseOf, facetsTextOf, withFacet } from '../core/deliveryFacets'
import type { OrderForm, OrderFormAddress } from './orderFormSchema'

export { placeOf }

/** Where the session says the cart goes: the region's place, and the pickup point if one is chosen. */
export interface ShippingTarget extends SessionPlace {
  pickupPointId?: string
}

/** The target of a session: its place, plus the pickup point its delivery promise (`public.facets`) names. */
export function shippingTargetOf(session: Session): ShippingTarget | undefined {
  const place = placeOf(session)
  if (place === undefined) return undefined
  const { pickupPoint } = deliveryPromiseOf(facetsTextOf({}, session))
  return pickupPoint ? { ...place, pickupPointId: pickupPoint } : place
}

/** Equal targets have equal keys. */
export const targetKeyOf = (target: ShippingTarget): string =>
  JSON.stringify([target.country, target.postalCode && postalCodeKey(target.postalCode), target.geoCoordinates?.map(rounded), target.pickupPointId])

/** About 10 m: VTEX may round coordinates it stores. */
const rounded = (degrees: number) => Math.round(degrees * 1e4) / 1e4

function addressHolds(address: OrderFormAddress | null | undefined, target: ShippingTarget): boolean {
  if (!address || address.country !== target.country) return false
  if (target.postalCode !== undefined) return postalCodeKey(address.postalCode ?? '') === postalCodeKey(target.postalCode)
  const [longitude, latitude] = address.geoCoordinates ?? []
  return longitude !== undefined && latitude !== undefined && rounded(longitude) === rounded(target.geoCoordinates![0]) && rounded(latitude) === rounded(target.geoCoordinates![1])
}

/** The pickup point an item's selected SLA stands for (its `pickupPointId`, else the SLA id itself). */
function pickupPointOfItem(logistics: NonNullable<NonNullable<OrderForm['shippingData']>['logisticsInfo']>[number] | undefined) {
  if (logistics?.selectedDeliveryChannel !== 'pickup-in-point') return undefined
  const sla = logistics.slas?.find(({ id }) => id === logistics.selectedSla)
  return sla?.pickupPointId ?? logistics.selectedSla ?? undefined
}

/**
 * Whether the orderForm already ships where the target says. Only what the shopper chose counts:
 * an address type (a logged-in shopper's saved `residential` address), a formatted postal code or
 * the street VTEX filled in are the same place, so a write is never repeated for them.
 */
export function orderFormHolds(orderForm: OrderForm, target: ShippingTarget): boolean {
  if (!addressHolds(orderForm.shippingData?.address, target)) return false
  const logistics = orderForm.shippingData?.logisticsInfo ?? []
  return orderForm.items.every((_, index) => pickupPointOfItem(logistics.find(({ itemIndex }) => itemIndex === index)) === target.pickupPointId)
}

/**
 * The `attachments/shippingData` body for a target: a `search` address (a place, not a street)
 * and, per item, the delivery channel — `pickup-in-point` at the chosen point, else `delivery`.
 * https://developers.vtex.com/docs/guides/add-shipping-address-and-delivery-option-to-the-cart
 */
export function shippingDataBody(target: ShippingTarget, orderForm: OrderForm) {
  const address = {
    addressType: 'search',
    country: target.country,
    postalCode: target.postalCode ?? '',
    geoCoordinates: target.geoCoordinates ? [...target.geoCoordinates] : [],
  }
  const logistics = orderForm.shippingData?.logisticsInfo ?? []
  return {
    clearAddressIfPostalCodeNotFound: false,
    selectedAddresses: [address],
    logisticsInfo: orderForm.items.map((_, itemIndex) => {
      if (target.pickupPointId === undefined) return { itemIndex, selectedDeliveryChannel: 'delivery' }
      const sla = logistics.find((info) => info.itemIndex === itemIndex)?.slas?.find(({ pickupPointId }) => pickupPointId === target.pickupPointId)
      return { itemIndex, selectedDeliveryChannel: 'pickup-in-point', selectedSla: sla?.id ?? target.pickupPointId }
    }),
  }
}

/** The `public.facets` text for a pickup point (or none) at a place, every other key kept. */
export function facetsAt(text: string | undefined, place: Omit<ShippingTarget, 'pickupPointId'> | undefined, pickupPoint: string | undefined): string {
  let next = withFacet(text, 'zip-code', place?.postalCode)
  next = withFacet(next, 'country', place?.country)
  next = withFacet(next, 'coordinates', place?.geoCoordinates?.join(','))
  return withFacet(next, 'pickupPoint', pickupPoint)
}
