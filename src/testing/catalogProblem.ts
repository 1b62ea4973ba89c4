import type { CatalogProduct } from './catalog'

const PRODUCT_FIELDS: ReadonlyArray<keyof CatalogProduct> = ['id', 'name', 'price', 'regionPrices', 'priceTablePrices', 'campaignPrices', 'unavailableAt']
const PRICE_MAPS = ['regionPrices', 'priceTablePrices', 'campaignPrices'] as const

/** What the emulated store already knows, so that a catalog naming anything else is a typo. */
export interface KnownPlaces {
  regionIds: ReadonlySet<string>
  pickupPointIds: ReadonlySet<string>
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCents = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value)

/**
 * Why a `catalog` option cannot be sold from (the first problem found, naming where it is), or
 * undefined. A test's fixture is checked once, when the emulator is made, instead of failing later
 * as a wrong price.
 */
export function catalogProblem(catalog: unknown, known: KnownPlaces): string | undefined {
  if (!Array.isArray(catalog)) return `catalog must be a list of products { id, name, price }, got ${shown(catalog)}`
  const ids = new Set<string>()
  for (const [index, product] of catalog.entries()) {
    const at = `catalog[${index}]`
    if (!isObject(product)) return `${at} must be a product { id, name, price }, got ${shown(product)}`
    const unknownField = Object.keys(product).find((field) => !(PRODUCT_FIELDS as readonly string[]).includes(field))
    if (unknownField !== undefined) return `${at} has an unknown field "${unknownField}" (a product has ${PRODUCT_FIELDS.join(', ')})`
    const { id, name, price, regionPrices, unavailableAt } = product
    if (typeof id !== 'string' || id.trim() === '') return `${at}.id must be a SKU id (a non-empty string), got ${shown(id)}`
    if (ids.has(id)) return `${at}.id ${shown(id)} is listed twice`
    ids.add(id)
    if (typeof name !== 'string') return `${at}.name must be a string, got ${shown(name)}`
    if (!isCents(price)) return `${at}.price must be a whole number of cents (8990 for 89.90), got ${shown(price)}`
    for (const field of PRICE_MAPS) {
      const prices = product[field]
      if (prices === undefined) continue
      if (!isObject(prices)) return `${at}.${field} must be an object of prices in cents by id, got ${shown(prices)}`
      const bad = Object.entries(prices).find(([, cents]) => !isCents(cents))
      if (bad) return `${at}.${field}[${shown(bad[0])}] must be a whole number of cents (8990 for 89.90), got ${shown(bad[1])}`
    }
    const unknownRegion = Object.keys(isObject(regionPrices) ? regionPrices : {}).find((regionId) => !known.regionIds.has(regionId))
    if (unknownRegion !== undefined) return `${at}.regionPrices names region ${shown(unknownRegion)}, which the regions table does not have`
    if (unavailableAt === undefined) continue
    if (!Array.isArray(unavailableAt) || !unavailableAt.every((point) => typeof point === 'string')) {
      return `${at}.unavailableAt must be a list of pickup point ids, got ${shown(unavailableAt)}`
    }
    const unknownPoint = unavailableAt.find((point: string) => !known.pickupPointIds.has(point))
    if (unknownPoint !== undefined) return `${at}.unavailableAt names pickup point ${shown(unknownPoint)}, which the store does not have`
  }
  return undefined
}
