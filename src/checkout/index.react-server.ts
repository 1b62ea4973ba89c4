// Entry `vtex-session-react/checkout` under the `react-server` condition: the framework-free part
// (no 'use client'), so a server component gets real functions. Outside the core size budget.
export { catalogParamsOf } from './catalogParams'
export type { CatalogParams } from './catalogParams'
export { deliveryPromiseOf, facetsTextOf, formatFacets, parseFacets, withFacet } from '../core/deliveryFacets'
export type { DeliveryPromise, FacetEntries } from '../core/deliveryFacets'
export { createCheckoutClient } from './createCheckoutClient'
export type { CartItemInput, CheckoutClient } from './createCheckoutClient'
export { orderFormSchema } from './orderFormSchema'
export type { LogisticsInfo, OrderForm, OrderFormAddress, OrderFormItem, PickupPoint } from './orderFormSchema'
export { orderFormHolds, placeOf, shippingDataBody, shippingTargetOf } from './shippingTarget'
export type { ShippingTarget } from './shippingTarget'
export { checkoutKeysFor } from './checkoutKeys'
export { savedAddressesFrom } from './savedAddresses'
