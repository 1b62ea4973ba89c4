import { toIdList } from '../core/commerceInput'
import { SessionError } from '../core/SessionError'
import type { CatalogProduct, PricingContext, StoreCatalog } from './catalog'
import { catalogProblem, type KnownPlaces } from './catalogProblem'

/** Price maps as Maps: an id is data, never an object-prototype key (`__proto__`, `constructor`). */
const pricesById = (prices: Readonly<Record<string, number>> | undefined) => new Map(Object.entries(prices ?? {}))

/**
 * An app's own catalog (the `catalog` option), checked at once: a bad one throws a SessionError
 * of kind `invalid-input` naming the product and field. A price table's price wins over the
 * region's, which wins over the product's `price`; a matched campaign's price applies when lower.
 * With several tables (or campaigns) that have a price, the lowest counts.
 */
export function createAppCatalog(products: unknown, known: KnownPlaces): StoreCatalog {
  const problem = catalogProblem(products, known)
  if (problem !== undefined) throw new SessionError('invalid-input', problem)
  const byId = new Map(
    (products as readonly CatalogProduct[]).map((product) => [
      product.id,
      {
        price: product.price,
        regions: pricesById(product.regionPrices),
        tables: pricesById(product.priceTablePrices),
        campaigns: pricesById(product.campaignPrices),
        unavailableAt: new Set(product.unavailableAt),
      },
    ]),
  )
  const lowestOf = (prices: ReadonlyMap<string, number>, ids: string | null | undefined) =>
    toIdList(ids).flatMap((id) => prices.get(id) ?? []).reduce<number | undefined>((lowest, cents) => Math.min(lowest ?? cents, cents), undefined)

  return {
    products: (products as readonly CatalogProduct[]).map(({ id, name }) => ({ id, name })),
    centsOf(id: string, { regionId, priceTables, campaigns }: PricingContext): number {
      const product = byId.get(id)!
      const regular = lowestOf(product.tables, priceTables) ?? (regionId ? product.regions.get(regionId) : undefined) ?? product.price
      return Math.min(regular, lowestOf(product.campaigns, campaigns) ?? regular)
    },
    isHeldAt: (id, pickupPointId) => !byId.get(id)?.unavailableAt.has(pickupPointId),
  }
}
