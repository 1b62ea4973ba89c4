import type { StoreCatalog } from './catalog'
import { isAvailable } from './catalogPrices'
import { matchingAudiences, type CampaignAudience } from './commerce'
import { json, refusal } from './modelAnswers'
import type { ModelRequest, ModelResponse } from './modelProtocol'
import { pickupPointsNear, type PickupPointRule } from './pickupPoints'

// Intelligent Search API v1 as the emulator answers it. Wire format: VTEX, "Migrating to
// Intelligent Search API v1" (https://developers.vtex.com/docs/guides/migrating-to-intelligent-search-api-v1):
// every input is a query parameter or a path facet, and no cookie is read, so an answer depends
// on its URL alone. VTEX's API reference shows `Cache-Control: public, max-age=600` on answers.

export const SEARCH_PATH = '/api/intelligent-search/v1/'
const CACHE_CONTROL = 'public, max-age=600'
/** Products per page when `count` is not given. */
export const DEFAULT_PAGE_SIZE = 12
/** What a seller holds of a product a shopper can get. */
const STOCK = 100

export interface SearchModelOptions {
  catalog: StoreCatalog
  pickupPoints: readonly PickupPointRule[]
  campaignAudiences: readonly CampaignAudience[]
}

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
/** The demo SKU `sku-2` belongs to product `2`; any other id is its own product. */
const productIdOf = (skuId: string) => skuId.replace(/^sku-/, '')

const cached = (body: unknown): ModelResponse => ({ ...json(body), headers: { 'cache-control': CACHE_CONTROL } })

/**
 * Answers `GET /api/intelligent-search/v1/…` from the URL: prices by `regionId`, `priceTables` and
 * `campaigns` (else the Campaign Audiences the UTM parameters match), availability by `pickupPoint`.
 * Path facets other than the context's are accepted and do not filter (the demo catalog has none).
 */
export function createSearchModel({ catalog, pickupPoints, campaignAudiences }: SearchModelOptions) {
  /** The products as v1 shows them for this URL's context. */
  function productsFor(query: URLSearchParams) {
    const utm = { utm_source: query.get('utmSource') ?? '', utm_campaign: query.get('utmCampaign') ?? '', utmi_campaign: query.get('utmiCampaign') ?? '' }
    const campaigns = query.get('campaigns') || matchingAudiences(campaignAudiences, utm).join(',') || null
    const pricing = { regionId: query.get('regionId') || null, priceTables: query.get('priceTables') || null, campaigns }
    const pickupPoint = query.get('pickupPoint') || undefined
    return catalog.products.map(({ id, name }) => {
      const price = catalog.centsOf(id, pricing) / 100
      const listPrice = Math.max(catalog.centsOf(id, {}) / 100, price)
      const stock = isAvailable(catalog, pickupPoints, id, pickupPoint) ? STOCK : 0
      return {
        productId: productIdOf(id),
        productName: name,
        linkText: slugOf(name),
        items: [
          {
            itemId: id,
            name,
            images: [],
            sellers: [{ sellerId: '1', sellerName: 'Emulated store', sellerDefault: true, commertialOffer: { Price: price, ListPrice: listPrice, AvailableQuantity: stock } }],
          },
        ],
      }
    })
  }

  /** `price:asc|desc` and `name:asc|desc`; any other sort keeps the catalog's order. */
  function sorted(products: ReturnType<typeof productsFor>, sort: string | null) {
    const priceOf = (product: (typeof products)[number]) => product.items[0]?.sellers[0]?.commertialOffer.Price ?? 0
    const [by, direction] = (sort ?? '').split(':')
    const sign = direction === 'desc' ? -1 : 1
    if (by === 'price') return [...products].sort((a, b) => sign * (priceOf(a) - priceOf(b)))
    if (by === 'name') return [...products].sort((a, b) => sign * a.productName.localeCompare(b.productName))
    return products
  }

  function productSearch(query: URLSearchParams): ModelResponse {
    const page = Number(query.get('page') ?? 1)
    const count = Number(query.get('count') ?? DEFAULT_PAGE_SIZE)
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(count) || count < 1) return refusal(400, 'page and count must be whole numbers from 1')
    const text = (query.get('query') ?? '').trim().toLowerCase()
    const matching = sorted(productsFor(query).filter((product) => product.productName.toLowerCase().includes(text)), query.get('sort'))
    const pages = Math.ceil(matching.length / count)
    return cached({
      products: matching.slice((page - 1) * count, page * count),
      recordsFiltered: matching.length,
      pagination: { count: pages, perPage: count, current: { index: page }, before: [], after: [] },
    })
  }

  function product(query: URLSearchParams): ModelResponse {
    const field = query.get('field')
    const value = query.get('value')
    if (!value) return refusal(400, 'value is required')
    const matches: Record<string, (found: ReturnType<typeof productsFor>[number]) => boolean> = {
      id: (found) => found.productId === value,
      slug: (found) => found.linkText === value,
      sku: (found) => found.items.some(({ itemId }) => itemId === value),
      // The demo catalog has no EAN or reference codes: its SKU ids stand for both.
      ean: (found) => found.items.some(({ itemId }) => itemId === value),
      reference: (found) => found.items.some(({ itemId }) => itemId === value),
    }
    // An own key only: `field=constructor` is a bad field, not a prototype's function.
    const matcher = field !== null && Object.hasOwn(matches, field) ? matches[field] : undefined
    if (!matcher) return refusal(400, 'field must be one of id, slug, sku, ean, reference')
    const found = productsFor(query).find(matcher)
    return found ? cached(found) : refusal(404, 'Product not found')
  }

  function facets(query: URLSearchParams): ModelResponse {
    const stocked = productsFor(query).filter((found) => (found.items[0]?.sellers[0]?.commertialOffer.AvailableQuantity ?? 0) > 0).length
    const total = catalog.products.length
    return cached({
      facets: [
        {
          name: 'Availability',
          key: 'availability',
          type: 'TEXT',
          values: [
            { key: 'availability', value: 'available', name: 'Available', quantity: stocked, selected: false },
            { key: 'availability', value: 'unavailable', name: 'Unavailable here', quantity: total - stocked, selected: false },
          ],
        },
      ],
    })
  }

  /** The pickup points within reach of the context's `coordinates`, nearest first (none without them). */
  function pickupPointAvailability(query: URLSearchParams): ModelResponse {
    const [longitude, latitude] = (query.get('coordinates') ?? '').split(',').map(Number)
    const place = Number.isFinite(longitude) && Number.isFinite(latitude) && query.has('coordinates') ? ([longitude!, latitude!] as const) : undefined
    return cached({
      pickupPointDistances: pickupPointsNear(pickupPoints, place).items.map(({ distance, pickupPoint }) => ({
        pickupId: pickupPoint.id,
        pickupName: pickupPoint.friendlyName,
        distance,
        isActive: true,
        address: pickupPoint.address,
      })),
    })
  }

  return {
    /** The answer for a v1 path, or undefined for a path that is not v1's. Only GET is served. */
    handle({ method, path, query }: ModelRequest): ModelResponse | undefined {
      if (!path.startsWith(SEARCH_PATH)) return undefined
      if (method !== 'GET') return refusal(405, 'Intelligent Search answers GET only')
      const [endpoint] = path.slice(SEARCH_PATH.length).split('/')
      if (endpoint === 'product-search') return productSearch(query)
      if (endpoint === 'products') return product(query)
      if (endpoint === 'facets') return facets(query)
      if (endpoint === 'pickup-point-availability') return pickupPointAvailability(query)
      return refusal(404, `No Intelligent Search endpoint ${endpoint}`)
    },
  }
}
