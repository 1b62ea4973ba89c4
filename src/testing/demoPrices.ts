import type { Segment } from '../core/types'
import type { CatalogPrice, PricingContext, StoreCatalog } from './catalog'
import { catalogPricesFor } from './catalogPrices'
import type { EmulatorRoute } from './modelProtocol'
import { defaultPickupPoints, pointHolds, type PickupPointRule } from './pickupPoints'

/** A product of the demo catalog, priced for one segment. */
export type DemoProduct = CatalogPrice

/** The demo catalog: what `/api/demo/prices` lists and the emulated cart sells, unless the emulator is given a `catalog`. */
export const demoCatalog: ReadonlyArray<{ id: string; name: string; basePrice: number }> = [
  { id: 'sku-1', name: 'Espresso beans 1 kg', basePrice: 89.9 },
  { id: 'sku-2', name: 'Pour-over kettle', basePrice: 249 },
  { id: 'sku-3', name: 'Ceramic mug', basePrice: 39.5 },
  { id: 'sku-4', name: 'Burr grinder', basePrice: 699 },
]

/** A stable factor in 0.85–1.14 per region, so each region has its own prices. */
function regionFactor(regionId: string | null | undefined): number {
  if (!regionId) return 1.15
  let hash = 0
  for (const char of regionId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return 0.85 + (hash % 30) / 100
}

/**
 * The demo price rules, shared by the catalog endpoint and the emulated cart: a price depends on
 * the region, the price table (a `b2b…` table takes 20% off) and the Campaign Audiences matched
 * (10% off).
 */
export function demoPriceOf(basePrice: number, segment: PricingContext): number {
  const tableFactor = segment.priceTables?.split(',').some((table) => table.startsWith('b2b')) ? 0.8 : 1
  const campaignFactor = segment.campaigns ? 0.9 : 1
  return Math.round(basePrice * regionFactor(segment.regionId) * tableFactor * campaignFactor * 100) / 100
}

/** Whether a product can reach the shopper: always by delivery; at a pickup point only if it holds it. */
export function demoAvailability(id: string, pickupPointId: string | undefined, pickupPoints: readonly PickupPointRule[]): boolean {
  return pointHolds(pickupPoints, pickupPointId, id)
}

/** The demo catalog and rules as the catalog the emulator sells from when it is given no `catalog`. */
export const demoStoreCatalog: StoreCatalog = {
  products: demoCatalog,
  // The cart answers cents, as the Checkout API does.
  centsOf: (id, pricing) => Math.round(demoPriceOf(demoCatalog.find((product) => product.id === id)!.basePrice, pricing) * 100),
  // The demo products say nothing of pickup points: only the points' `unavailableSkus` do.
  isHeldAt: () => true,
}

/**
 * Prices as a storefront's catalog would answer them for a segment (`demoPriceOf`), in the
 * segment's currency, with the availability its delivery promise (`facets`) allows.
 */
export function demoPricesFor(segment: Segment, pickupPoints: readonly PickupPointRule[] = defaultPickupPoints): DemoProduct[] {
  return catalogPricesFor(demoStoreCatalog, pickupPoints, segment)
}

/**
 * `GET /api/demo/prices`, the emulator's catalog (the demo one, or the `catalog` option) priced per
 * segment: the shopper's, or with `?regionId=` that segment in another region (as a catalog request
 * names its `region-id` facet), which is how a storefront prefetches prices for a predicted segment.
 * Not part of the Session Manager: stories, examples and benchmarks add it with
 * `createSessionManagerMock({ routes: [demoPricesRoute] })`.
 */
export const demoPricesRoute: EmulatorRoute = {
  method: 'GET',
  path: '/api/demo/prices',
  answer: (segment, query, emulator) => emulator.pricesFor(query.has('regionId') ? { ...segment, regionId: query.get('regionId') || null } : segment),
}
