import type { Segment } from '../core/types'

/**
 * A product (SKU) of an app's own catalog, as the `catalog` option takes it. Money is in cents of
 * the sales channel's currency (`8990` is R$ 89,90), the unit the Checkout API answers in.
 */
export interface CatalogProduct {
  /** The SKU id a cart adds (`orderItems[].id`). */
  id: string
  name: string
  /** Price in cents when no rule below applies. */
  price: number
  /** Price in cents in a region (`regionId`): where the orderForm's address is, or the shopper's. */
  regionPrices?: Readonly<Record<string, number>>
  /** Price in cents for a price table of the segment (a B2B buyer's `b2b-gold`); wins over a region price. */
  priceTablePrices?: Readonly<Record<string, number>>
  /** Promotional price in cents for a Campaign Audience the shopper matches; applies only when lower. */
  campaignPrices?: Readonly<Record<string, number>>
  /** Pickup points (ids) that do not hold it: picked up there, it cannot be delivered. */
  unavailableAt?: readonly string[]
}

/** What a price depends on: where the shopper is, and who they are. */
export type PricingContext = Pick<Segment, 'regionId' | 'priceTables' | 'campaigns'>

/** The catalog the emulator sells from: the demo rules by default, else an app's `catalog`. */
export interface StoreCatalog {
  readonly products: ReadonlyArray<{ id: string; name: string }>
  /** The price in cents for a product this catalog has. */
  centsOf(id: string, pricing: PricingContext): number
  /** False when the product itself says a pickup point does not hold it. */
  isHeldAt(id: string, pickupPointId: string): boolean
}

/** A product priced for one segment, as `/api/demo/prices` lists it: money in currency units. */
export interface CatalogPrice {
  id: string
  name: string
  price: number
  currencyCode: string
  /** False when the shopper picks up at a point that does not hold it. */
  available: boolean
}
