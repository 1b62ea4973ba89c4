import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createSearchClient } from '../src/search/createSearchClient'
import { searchContextOf } from '../src/search/searchContext'
import { server } from './harness'

// The example answers of VTEX's Intelligent Search API v1 reference, as documented for each endpoint
// this library asks (https://developers.vtex.com/docs/api-reference/intelligent-search-api-v1):
// each one answered through msw and read by the client, so the schemas take what VTEX documents.

const PRODUCT = {
  productId: '123456',
  productName: 'Smartphone XYZ',
  brand: 'TechBrand',
  brandId: 9001,
  linkText: 'smartphone-xyz',
  link: '/smartphone-xyz/p',
  categories: ['/Electronics/'],
  categoryId: '10',
  categoriesIds: ['/10/'],
  priceRange: {
    sellingPrice: { highPrice: 999.99, lowPrice: 999.99 },
    listPrice: { highPrice: 1299.99, lowPrice: 1299.99 },
  },
  specificationGroups: [],
  skuSpecifications: [],
  productClusters: [],
  clusterHighlights: [],
  properties: [],
  items: [
    {
      sellers: [
        {
          sellerId: '1',
          sellerDefault: true,
          commertialOffer: {
            Price: 999.99,
            ListPrice: 1299.99,
            AvailableQuantity: 50,
          },
        },
      ],
      images: [],
      itemId: '789',
      name: 'Smartphone XYZ - 128GB - Black',
      nameComplete: 'Smartphone XYZ - 128GB - Black',
      measurementUnit: 'un',
      unitMultiplier: 1,
      variations: [],
      ean: '7891234567890',
      modalType: '',
      videos: [],
      attachments: [],
      isKit: false,
    },
  ],
  origin: 'intelligent-search',
}

const PICKUP_POINTS = {
  pickupPointDistances: [
    {
      pickupId: 'fulfillmentqa_vtexsp',
      distance: 4.99,
      pickupName: 'VTEX SP',
      isActive: true,
      address: {
        city: 'New York',
        neighborhood: 'Manhattan',
        number: '350',
        postalCode: '10001',
        street: '5th Avenue',
        state: 'NY',
      },
      businessHours: [{ dayOfWeek: 1, openingTime: '09:00:00', closingTime: '18:00:00' }],
    },
  ],
}

const PRODUCT_SEARCH = {
  products: [
    {
      cacheId: 'sp-2000003',
      productId: '2000003',
      description: 'Introducing our exquisite Top Wood Clock.',
      productName: 'Top Wood Clock',
      productReference: 'clock120',
      linkText: 'wood-clock',
      brand: 'Sony',
      brandId: 2000005,
      link: '/wood-clock/p',
      categories: ['/Home & Decor/'],
      categoryId: '40',
      categoriesIds: ['/40/'],
      priceRange: {
        sellingPrice: { highPrice: 197.99, lowPrice: 197.99 },
        listPrice: { highPrice: 197.99, lowPrice: 197.99 },
      },
      specificationGroups: [],
      skuSpecifications: [],
      productClusters: [],
      clusterHighlights: [],
      properties: [],
      items: [
        {
          sellers: [
            {
              sellerId: '1',
              sellerName: 'VTEX',
              addToCartLink: '',
              sellerDefault: true,
              commertialOffer: {
                AvailableQuantity: 10000,
                Price: 197.99,
                ListPrice: 197.99,
                spotPrice: 197.99,
                Tax: 0,
                PriceValidUntil: '2025-04-01T13:13:20Z',
              },
            },
          ],
          images: [],
          itemId: '2000534',
          name: '1',
          nameComplete: 'Top Wood Clock 1',
          measurementUnit: 'un',
          unitMultiplier: 1,
          variations: [],
          ean: '16001',
          modalType: '',
          videos: [],
          attachments: [],
          isKit: false,
        },
      ],
      origin: 'intelligent-search',
    },
  ],
  recordsFiltered: 5,
  correction: { misspelled: false },
  fuzzy: '0',
  operator: 'and',
  translated: false,
  pagination: {
    count: 1,
    current: { index: 1 },
    before: [],
    after: [],
    perPage: 24,
    next: { index: 2 },
    previous: { index: 0 },
    first: { index: 1 },
    last: { index: 1 },
  },
  options: { sorts: [], counts: [], deliveryPromisesEnabled: false },
  searchId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
}

const FACETS = {
  facets: [
    {
      values: [
        {
          id: '47',
          quantity: 1,
          name: 'Clothing',
          key: 'category-2',
          value: 'clothing',
          selected: false,
          href: 'shirt/blue/clothing?map=ft,color,category',
        },
      ],
      type: 'TEXT',
      name: 'Category',
      hidden: false,
      key: 'category-2',
      quantity: 1,
    },
    {
      values: [
        {
          quantity: 1,
          name: '',
          key: 'price',
          selected: false,
          range: { from: 45, to: 50 },
        },
      ],
      type: 'PRICERANGE',
      name: 'Price',
      hidden: false,
      key: 'price',
      quantity: 1,
    },
  ],
  sampling: false,
  breadcrumb: [{ name: 'shirt', href: '/shirt?map=ft' }],
  queryArgs: {
    query: 'shirt',
    selectedFacets: [{ key: 'ft', value: 'shirt' }],
  },
  translated: false,
}

/** The 400 documented for Search products. */
const PRODUCT_SEARCH_REFUSAL = {
  status: 400,
  code: 'RESOLVER_WARNING',
  name: 'ResolverWarning',
  level: 'warn',
  response: { data: 'Unsupported sort null' },
}

const context = searchContextOf({
  cultureInfo: 'en-US',
  channel: '1',
  countryCode: 'USA',
  facets: 'zip-code=10001',
})

/** Answers every v1 request with `body`, as VTEX documents the answer (public sales channel: cached). */
function answerWith(body: unknown, status = 200) {
  server.use(
    http.get('*/api/intelligent-search/v1/*', () =>
      HttpResponse.json(body as never, {
        status,
        headers: status === 200 ? { 'cache-control': 'public, max-age=600' } : {},
      }),
    ),
  )
}

describe("VTEX's documented example answers, read by the client", () => {
  it('Get product (GET /products)', async () => {
    answerWith(PRODUCT)
    const answer = await createSearchClient().product({
      context,
      field: 'id',
      value: '123456',
    })
    expect(answer.data).toEqual(PRODUCT)
    expect(answer.data.items[0]?.sellers[0]?.commertialOffer).toEqual({
      Price: 999.99,
      ListPrice: 1299.99,
      AvailableQuantity: 50,
    })
  })

  it('Get pickup point availability (GET /pickup-point-availability)', async () => {
    answerWith(PICKUP_POINTS)
    const answer = await createSearchClient().pickupPointAvailability({
      context,
    })
    expect(answer.data).toEqual(PICKUP_POINTS)
  })

  it('Search products (GET /product-search)', async () => {
    answerWith(PRODUCT_SEARCH)
    const answer = await createSearchClient().productSearch({ context })
    expect(answer.data).toEqual(PRODUCT_SEARCH)
    expect(answer.cacheControl).toBe('public, max-age=600')
  })

  it('List filters for a search (GET /facets)', async () => {
    answerWith(FACETS)
    const answer = await createSearchClient().facets({
      context,
      query: 'shirt',
    })
    expect(answer.data).toEqual(FACETS)
  })

  it('Search products refused (400): a SessionError of kind http with the status, not a schema failure', async () => {
    answerWith(PRODUCT_SEARCH_REFUSAL, 400)
    await expect(createSearchClient().productSearch({ context, sort: 'null' })).rejects.toMatchObject({ kind: 'http', status: 400 })
  })
})
