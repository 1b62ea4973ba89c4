import type { Segment } from '../core/types'
import type { EmulatorRoute } from './createSessionManagerMock'

/** A product of the demo catalog, priced for one segment. */
export interface DemoProduct {
  id: string
  name: string
  price: number
  currencyCode: string
}

const CATALOG: ReadonlyArray<{ id: string; name: string; basePrice: number }> = [
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
 * Prices as a storefront's catalog would answer them for a segment: they depend on
 * the region, the price table (a `b2b…` table takes 20% off) and the Campaign
 * Audiences matched (10% off), in the segment's currency.
 */
export function demoPricesFor(segment: Segment): DemoProduct[] {
  const tableFactor = segment.priceTables?.split(',').some((table) => table.startsWith('b2b')) ? 0.8 : 1
  const campaignFactor = segment.campaigns ? 0.9 : 1
  const factor = regionFactor(segment.regionId) * tableFactor * campaignFactor
  return CATALOG.map(({ id, name, basePrice }) => ({
    id,
    name,
    price: Math.round(basePrice * factor * 100) / 100,
    currencyCode: segment.currencyCode ?? 'BRL',
  }))
}

/**
 * `GET /api/demo/prices`, a demo catalog priced per segment (`demoPricesFor`). Not part of the
 * Session Manager: stories, examples and benchmarks add it with
 * `createSessionManagerMock({ routes: [demoPricesRoute] })`.
 */
export const demoPricesRoute: EmulatorRoute = { method: 'GET', path: '/api/demo/prices', answer: demoPricesFor }
