import { deliveryPromiseOf } from '../core/deliveryFacets'
import type { Segment } from '../core/types'
import type { CatalogPrice, StoreCatalog } from './catalog'
import { pointHolds, type PickupPointRule } from './pickupPoints'

/**
 * Whether a product can reach the shopper: always by delivery; at a pickup point only when
 * neither the point (`unavailableSkus`) nor the product (`unavailableAt`) says it is not held there.
 */
export function isAvailable(catalog: StoreCatalog, pickupPoints: readonly PickupPointRule[], id: string, pickupPointId: string | undefined): boolean {
  return pointHolds(pickupPoints, pickupPointId, id) && (pickupPointId === undefined || catalog.isHeldAt(id, pickupPointId))
}

/**
 * Every product of a catalog as a storefront's catalog would answer it for a segment: priced by
 * the segment's region, price tables and campaigns, in its currency, with the availability its
 * delivery promise (`facets`) allows.
 */
export function catalogPricesFor(catalog: StoreCatalog, pickupPoints: readonly PickupPointRule[], segment: Segment): CatalogPrice[] {
  const { pickupPoint } = deliveryPromiseOf(typeof segment.facets === 'string' ? segment.facets : undefined)
  return catalog.products.map(({ id, name }) => ({
    id,
    name,
    price: catalog.centsOf(id, segment) / 100,
    currencyCode: segment.currencyCode ?? 'BRL',
    available: isAvailable(catalog, pickupPoints, id, pickupPoint),
  }))
}
