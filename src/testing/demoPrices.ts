import { deliveryPromiseOf } from '../core/deliveryFacets'
import type { Segment } from '../core/types'
import type { EmulatorRoute } from './modelProtocol'
import { defaultPickupPoints, type PickupPointRule } from './pickupPoints'

/** A product of the demo catalog, priced for one segment. */
export interface DemoProduct {
  id: string
  name: string
  price: number
  currencyCode: string
  /** False when the shopper picks up at a point that does not hold it. */
  available: boolean
}

/** The demo catalog: what `/api/demo/prices` lists and the emulated cart sells. */
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
export function demoPriceOf(basePrice: number, segment: Pick<Segment, 'regionId' | 'priceTables' | 'campaigns'>): number {
  const tableFactor = segment.priceTables?.split(',').some((table) => table.startsWith('b2b')) ? 0.8 : 1
  const campaignFactor = segment.campaigns ? 0.9 : 1
  return Math.round(basePrice * regionFactor(segment.regionId) * tableFactor * campaignFactor * 100) / 100
}

/** Whether a product can reach the shopper: always by delivery; at a pickup point only if it holds it. */
export function demoAvailability(id: string, pickupPointId: string | undefined, pickupPoints: readonly PickupPointRule[]): boolean {
  const point = pickupPointId === undefined ? undefined : pickupPoints.find((candidate) => candidate.id === pickupPointId)
  return !point?.unavailableSkus?.includes(id)
}

/**
 * Prices as a storefront's catalog would answer them for a segment (`demoPriceOf`), in the
 * segment's currency, with the availability its delivery promise (`facets`) allows.
 */
export function demoPricesFor(segment: Segment, pickupPoints: readonly PickupPointRule[] = defaultPickupPoints): DemoProduct[] {
  const { pickupPoint } = deliveryPromiseOf(typeof segment.facets === 'string' ? segment.facets : undefined)
  return demoCatalog.map(({ id, name, basePrice }) => ({
    id,
    name,
    price: demoPriceOf(basePrice, segment),
    currencyCode: segment.currencyCode ?? 'BRL',
    available: demoAvailability(id, pickupPoint, pickupPoints),
  }))
}

/**
 * `GET /api/demo/prices`, a demo catalog priced per segment (`demoPricesFor`): the shopper's, or
 * with `?regionId=` that segment in another region (as a catalog request names its `region-id`
 * facet), which is how a storefront prefetches prices for a predicted segment. Not part of the
 * Session Manager: stories, examples and benchmarks add it with
 * `createSessionManagerMock({ routes: [demoPricesRoute] })`.
 */
export const demoPricesRoute: EmulatorRoute = {
  method: 'GET',
  path: '/api/demo/prices',
  answer: (segment, query) => demoPricesFor(query.has('regionId') ? { ...segment, regionId: query.get('regionId') || null } : segment),
}
