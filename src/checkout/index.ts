// Entry `vtex-session-react/checkout` (built with a 'use client' banner): the cart and the delivery
// promise following the session, and search parameters from it. Outside the core size budget.
export * from './index.react-server'
export { CartSync } from './react/CartSync'
export type { CartSyncProps } from './react/CartSync'
export { useOrderForm } from './react/useOrderForm'
export type { CartLine, UseOrderFormOptions, UseOrderFormResult } from './react/useOrderForm'
export { useDeliveryPromise } from './react/useDeliveryPromise'
export type { DeliveryMethod, UseDeliveryPromiseResult } from './react/useDeliveryPromise'
export { useCatalogParams } from './react/useCatalogParams'
export type { CartSyncStatus } from './cartSync'
export { usePlaceAddress } from './react/usePlaceAddress'
export type { UsePlaceAddressResult } from './react/usePlaceAddress'
