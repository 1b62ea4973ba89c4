import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import type { Segment } from '../../src/core/types'
import { searchContextOf, searchQueryOf, type SearchEndpoint } from '../../src/search/searchContext'
import { encodeSegmentToken } from '../../src/testing/encodeTokens'
import { startFastStoreEndpoint } from './fastStoreEndpoint'

// @faststore/api 4.8's real `search` and `product` queries (what every FastStore store's
// /api/graphql runs), executed in-process with a `vtex_segment` cookie; the Intelligent Search v1
// requests they make go to a recording server on 127.0.0.1 and are compared, parameter by
// parameter, with what `searchQueryOf(searchContextOf(segment), endpoint)` gives for the same segment.
//
// Wire format both sides aim at: VTEX, "Migrating to Intelligent Search API v1"
// (https://developers.vtex.com/docs/guides/migrating-to-intelligent-search-api-v1): `cultureInfo` →
// `locale`, `channel` → `sc` (every endpoint); `regionId` (product-search, facets, products);
// `utm_source` → `utmSource`, `utm_campaign` → `utmCampaign`, `utmi_campaign` → `utmiCampaign`,
// `campaigns` (a non-empty string), `priceTables` (product-search, products); `countryCode` →
// `country` (every endpoint); of `facets`, `zip-code`, `coordinates`, `country`, `pickupPoint`,
// `deliveryZonesHash`, `pickupPointsHash` are query parameters (every endpoint) and every other key
// a path facet (product-search, facets).

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
/** The locale the FastStore store is configured with (its fallback when the segment has none). */
const STORE_LOCALE = 'en-US'
const V1 = '/api/intelligent-search/v1'

/**
 * What FastStore adds to a v1 request that is not the shopper's context: paging, sorting, the
 * query, the store's own flags and the product locator. Left out of the comparison by name; the
 * ones it actually sent are asserted separately, so no other parameter can hide among them.
 */
const NOT_CONTEXT = [
  'from',
  'to',
  'query',
  'sort',
  'hideUnavailableItems',
  'simulationBehavior',
  'showSponsored',
  'sponsoredCount',
  'allowRedirect',
  'show-invisible-items',
  'fuzzy',
  'operator',
  'page',
  'count',
  'field',
  'value',
] as const

/** The non-context parameters FastStore 4.8 sends, with this store's settings (hideUnavailableItems and showSponsored false). */
const FASTSTORE_OWN: Record<'product-search' | 'facets' | 'products', Record<string, string>> = {
  // first: 12, after: 0 → from=0&to=11; the default sort (score_desc) and an empty term send nothing.
  'product-search': {
    from: '0',
    to: '11',
    hideUnavailableItems: 'false',
    showSponsored: 'false',
    allowRedirect: 'false',
  },
  facets: {
    from: '0',
    to: '11',
    hideUnavailableItems: 'false',
    showSponsored: 'false',
    allowRedirect: 'false',
  },
  products: { field: 'sku', value: '7' },
}

interface V1Request {
  endpoint: string
  /** The path facets, as sent (after `/{endpoint}/`). */
  path: string
  params: URLSearchParams
}

let server: Server
let received: V1Request[] = []
let sent: string[] = []
let refused: string[] = []

const PRODUCT_SEARCH_ANSWER = {
  products: [],
  recordsFiltered: 0,
  // The resolvers read pagination.after/before for pageInfo: without them FastStore errors.
  pagination: {
    count: 0,
    perPage: 12,
    before: [],
    after: [],
    current: { index: 0, proxyURL: '' },
  },
}

/** One product with one SKU, as v1 `/products` answers a product page. */
const productOf = (skuId: string) => ({
  productId: '1',
  productName: 'Shirt',
  linkText: 'shirt',
  description: '',
  items: [{ itemId: skuId, name: 'Shirt M', sellers: [] }],
})

/** A recording Intelligent Search v1 on 127.0.0.1: every request is kept raw (not decoded), anything else is a 404. */
function startIntelligentSearch(): Promise<string> {
  server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
    const answer = (status: number, body: unknown) => outgoing.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const match = /^\/api\/intelligent-search\/v1\/(product-search|facets)\/(.*)$/.exec(url.pathname)
    if (incoming.method === 'GET' && match) {
      received.push({
        endpoint: match[1]!,
        path: match[2]!,
        params: url.searchParams,
      })
      return answer(200, match[1] === 'facets' ? { facets: [] } : PRODUCT_SEARCH_ANSWER)
    }
    if (incoming.method === 'GET' && url.pathname === `${V1}/products`) {
      received.push({
        endpoint: 'products',
        path: '',
        params: url.searchParams,
      })
      return answer(200, productOf(url.searchParams.get('value') ?? ''))
    }
    answer(404, {
      message: `not Intelligent Search v1: ${incoming.method} ${url.pathname}`,
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

let endpoint: Awaited<ReturnType<typeof startFastStoreEndpoint>>

beforeAll(async () => {
  const target = await startIntelligentSearch()
  endpoint = await startFastStoreEndpoint(target, {
    locale: STORE_LOCALE,
    record: (line) => sent.push(line),
    refuse: (url) => refused.push(url),
  })
})
afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))
let consoleErrors: MockInstance
beforeEach(() => {
  received = []
  sent = []
  refused = []
  // FastStore logs every non-2xx answer it gets (and a malformed channel): none may happen.
  consoleErrors = vi.spyOn(console, 'error')
})
afterEach(() => {
  expect(consoleErrors).not.toHaveBeenCalled()
  // Nothing but the store origin (rewritten to 127.0.0.1) was asked for, and of it only v1.
  expect(refused).toEqual([])
  expect(sent.filter((line) => !line.startsWith(`GET ${V1}/`))).toEqual([])
  expect(sent).toHaveLength(received.length)
  consoleErrors.mockRestore()
})

// FastStore's own documents, as @faststore/core sends them (fields trimmed to what is needed).
const SEARCH = /* GraphQL */ `
  query Search($first: Int!, $after: String, $sort: StoreSort, $term: String, $selectedFacets: [IStoreSelectedFacet!]) {
    search(first: $first, after: $after, sort: $sort, term: $term, selectedFacets: $selectedFacets) {
      products {
        edges {
          node {
            sku
          }
        }
      }
      facets {
        __typename
      }
    }
  }
`
const PRODUCT = /* GraphQL */ `
  query Product($locator: [IStoreSelectedFacet!]!) {
    product(locator: $locator) {
      sku
    }
  }
`

const cookieOf = (segment: Segment) => `vtex_segment=${encodeSegmentToken(segment)}`

/** A product listing page: FastStore's `search`, which asks v1 for product-search and facets. */
async function searchPage(segment: Segment, selectedFacets: Array<{ key: string; value: string }> = []) {
  const result = await endpoint.execute(SEARCH, { first: 12, after: '0', sort: 'score_desc', term: '', selectedFacets }, cookieOf(segment))
  expect(result.errors).toBeUndefined()
  expect(received.map((request) => request.endpoint).sort()).toEqual(['facets', 'product-search'])
  return {
    productSearch: requestTo('product-search'),
    facets: requestTo('facets'),
  }
}

/** A product page: FastStore's `product(locator)`, which asks v1 `/products?field=sku&value=…`. */
async function productPage(segment: Segment) {
  const result = await endpoint.execute(PRODUCT, { locator: [{ key: 'slug', value: 'shirt-7' }] }, cookieOf(segment))
  expect(result.errors).toBeUndefined()
  expect(result.data?.product).toEqual({ sku: '7' })
  return requestTo('products')
}

function requestTo(name: string): V1Request {
  const requests = received.filter((request) => request.endpoint === name)
  expect(requests, name).toHaveLength(1)
  const request = requests[0]!
  // One value per name: a repeated parameter would not survive Object.fromEntries unnoticed.
  const names = [...request.params.keys()]
  expect(new Set(names).size, `${name}: ${names.join(',')}`).toBe(names.length)
  return request
}

/** The context parameters of a FastStore request: every parameter but the NOT_CONTEXT ones. */
const contextParams = (request: V1Request) => Object.fromEntries([...request.params].filter(([name]) => !(NOT_CONTEXT as readonly string[]).includes(name)))

/** The non-context parameters it sent (each must be one of NOT_CONTEXT). */
const ownParams = (request: V1Request) => Object.fromEntries([...request.params].filter(([name]) => (NOT_CONTEXT as readonly string[]).includes(name)))

/** Our context parameters for the same segment and endpoint. */
const ours = (segment: Segment, name: SearchEndpoint) => Object.fromEntries(new URLSearchParams(searchQueryOf(searchContextOf(segment), name)))

type Difference = { fastStore?: string; ours?: string }

/** Parameter by parameter: every name either side sends with a different value (or only one side sends). */
function differences(fastStore: Record<string, string>, our: Record<string, string>): Record<string, Difference> {
  const found: Record<string, Difference> = {}
  for (const name of new Set([...Object.keys(fastStore), ...Object.keys(our)])) {
    if (fastStore[name] === our[name]) continue
    found[name] = {}
    if (fastStore[name] !== undefined) found[name].fastStore = fastStore[name]
    if (our[name] !== undefined) found[name].ours = our[name]
  }
  return found
}

/** Path facets as key/value parts, decoded, whatever the trailing slash. */
const facetParts = (path: string) => path.split('/').filter(Boolean).map(decodeURIComponent)

/** Compares one FastStore request with ours; answers the differences and the parameters both sent alike. */
function compare(request: V1Request, segment: Segment, name: SearchEndpoint) {
  const fastStore = contextParams(request)
  const our = ours(segment, name)
  expect(ownParams(request), `${name}: FastStore's own parameters`).toEqual(FASTSTORE_OWN[name as keyof typeof FASTSTORE_OWN])
  const found = differences(fastStore, our)
  const same = Object.keys(our).filter((key) => !(key in found))
  return { fastStore, our, differences: found, same }
}

// The anonymous shopper's segment as VTEX answers it (GET /api/segments): nulls for what is unset.
const ANONYMOUS: Segment = {
  campaigns: null,
  channel: '1',
  priceTables: null,
  regionId: null,
  utm_campaign: null,
  utm_source: null,
  utmi_campaign: null,
  currencyCode: 'BRL',
  currencySymbol: 'R$',
  countryCode: 'BRA',
  cultureInfo: 'pt-BR',
  channelPrivacy: 'public',
}

describe('@faststore/api 4.8 search (v1 product-search and facets) against searchContextOf, same segment', () => {
  it('the anonymous default segment: the same locale, sc and country on product-search and facets', async () => {
    const { productSearch, facets } = await searchPage(ANONYMOUS)
    for (const [request, name] of [
      [productSearch, 'product-search'],
      [facets, 'facets'],
    ] as const) {
      const result = compare(request, ANONYMOUS, name)
      expect(result.differences, name).toEqual({})
      expect(result.fastStore, name).toEqual({
        sc: '1',
        country: 'BRA',
        locale: 'pt-BR',
      })
      expect(request.path, name).toBe('')
    }
    expect(searchContextOf(ANONYMOUS).facets).toBe('')
    // Equal parameters, not equal bytes: FastStore writes sc, regionId, country, locale, …; we write
    // locale, sc, regionId, … (searchQueryOf's one canonical order). A CDN key on the raw URL differs.
    expect([...productSearch.params.keys()].filter((key) => key in ours(ANONYMOUS, 'product-search'))).toEqual(['sc', 'country', 'locale'])
    expect(Object.keys(ours(ANONYMOUS, 'product-search'))).toEqual(['locale', 'sc', 'country'])
  })

  it('a region id: regionId on both sides', async () => {
    const segment: Segment = { ...ANONYMOUS, regionId: RIO }
    const { productSearch, facets } = await searchPage(segment)
    for (const [request, name] of [
      [productSearch, 'product-search'],
      [facets, 'facets'],
    ] as const) {
      const result = compare(request, segment, name)
      expect(result.differences, name).toEqual({})
      expect(result.same, name).toContain('regionId')
      expect(result.fastStore.regionId, name).toBe(RIO)
    }
  })

  // The guide lists priceTables, campaigns and the UTM parameters for product-search and products
  // only: ours leaves them off facets, FastStore sends them there too.
  it.each([
    ['a logged-in B2B buyer’s price tables', { priceTables: 'b2b-gold,b2b-silver' }, { priceTables: 'b2b-gold,b2b-silver' }],
    ['a UTM landing', { utm_source: 'newsletter', utm_campaign: 'black-friday', utmi_campaign: 'home-banner' }, { utmSource: 'newsletter', utmCampaign: 'black-friday', utmiCampaign: 'home-banner' }],
    ['campaigns', { campaigns: '7,12' }, { campaigns: '7,12' }],
  ] as const)('%s: alike on product-search; FastStore also sends them to facets', async (_case, change, sent) => {
    const segment: Segment = { ...ANONYMOUS, ...change }
    const { productSearch, facets } = await searchPage(segment)
    const search = compare(productSearch, segment, 'product-search')
    expect(search.differences).toEqual({})
    expect(search.fastStore).toMatchObject(sent)
    expect(compare(facets, segment, 'facets').differences).toEqual(Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, { fastStore: value }])))
  })

  it('a delivery promise: the same zip-code, coordinates, country, pickupPoint, deliveryZonesHash; FastStore names the pickup hash pickupPointHash', async () => {
    const segment: Segment = {
      ...ANONYMOUS,
      regionId: RIO,
      facets: 'zip-code=22250040;coordinates=-43.18,-22.94;country=BRA;pickupPoint=store-7;deliveryZonesHash=dz1;pickupPointsHash=pp1;productClusterIds=137',
    }
    const { productSearch, facets } = await searchPage(segment)
    for (const [request, name] of [
      [productSearch, 'product-search'],
      [facets, 'facets'],
    ] as const) {
      const result = compare(request, segment, name)
      expect(result.same.sort(), name).toEqual(['coordinates', 'country', 'deliveryZonesHash', 'locale', 'pickupPoint', 'regionId', 'sc', 'zip-code'])
      // The segment's key is pickupPointsHash and the guide's v1 parameter is pickupPointsHash (ours);
      // FastStore 4.8 renames it to pickupPointHash, a name the guide does not list.
      expect(result.differences, name).toEqual({
        pickupPointHash: { fastStore: 'pp1' },
        pickupPointsHash: { ours: 'pp1' },
      })
      expect(request.params.get('pickupPointHash'), name).toBe('pp1')
      expect(request.params.has('pickupPointsHash'), name).toBe(false)
      expect(result.our.pickupPointsHash, name).toBe('pp1')
      // The non-delivery key is a path facet on both sides; FastStore ends the path with "/".
      expect(request.path, name).toBe('productClusterIds/137/')
      expect(facetParts(request.path), name).toEqual(facetParts(searchContextOf(segment).facets))
    }
    expect(searchContextOf(segment).facets).toBe('productClusterIds/137')
  })

  it('a path facet with a space and an accent: FastStore slugs it (Cafe-Bom), we URL-encode it (Caf%C3%A9%20Bom)', async () => {
    const segment: Segment = {
      ...ANONYMOUS,
      facets: 'zip-code=22250040;brand=Café Bom',
    }
    const { productSearch } = await searchPage(segment)
    expect(compare(productSearch, segment, 'product-search').differences).toEqual({})
    // The guide says every other key is a path facet; it does not say how its value is written.
    // FastStore strips diacritics and turns spaces into "-"; ours keeps the value, URL-encoded.
    expect(productSearch.path).toBe('brand/Cafe-Bom/')
    expect(searchContextOf(segment).facets).toBe('brand/Caf%C3%A9%20Bom')
  })

  it('a segment on trade policy 2: FastStore sends the store’s sc=1 unless the storefront’s channel facet says 2; ours sends sc=2', async () => {
    const segment: Segment = {
      ...ANONYMOUS,
      channel: '2',
      cultureInfo: 'en-US',
      countryCode: 'USA',
    }
    const cookieOnly = await searchPage(segment)
    // The guide maps the segment's channel to sc (ours). FastStore 4.8 takes sc from the request's
    // channel (the store's default, or the `channel` selected facet) and ignores the cookie's.
    expect(compare(cookieOnly.productSearch, segment, 'product-search').differences).toEqual({ sc: { fastStore: '1', ours: '2' } })
    received = []
    sent = []
    const withChannel = await searchPage(segment, [
      {
        key: 'channel',
        value: JSON.stringify({ salesChannel: '2', regionId: '' }),
      },
    ])
    expect(compare(withChannel.productSearch, segment, 'product-search').differences).toEqual({})
  })

  it('a segment without cultureInfo: FastStore falls back to the store locale; ours sends no locale', async () => {
    const segment: Segment = { ...ANONYMOUS, cultureInfo: null }
    const { productSearch } = await searchPage(segment)
    // The guide maps cultureInfo to locale; with none in the segment it names no fallback.
    expect(compare(productSearch, segment, 'product-search').differences).toEqual({ locale: { fastStore: STORE_LOCALE } })
  })
})

describe('@faststore/api 4.8 product(locator) (v1 products) against searchContextOf, same segment', () => {
  it('the anonymous default segment: locale, sc and country alike', async () => {
    const products = await productPage(ANONYMOUS)
    const result = compare(products, ANONYMOUS, 'products')
    expect(result.same.sort()).toEqual(['country', 'locale', 'sc'])
    expect(result.differences).toEqual({})
  })

  it('region, price tables, UTM and campaigns: every one alike on products', async () => {
    const segment: Segment = {
      ...ANONYMOUS,
      regionId: RIO,
      priceTables: 'b2b-gold',
      campaigns: '7',
      utm_source: 'newsletter',
      utm_campaign: 'black-friday',
      utmi_campaign: 'home-banner',
    }
    const result = compare(await productPage(segment), segment, 'products')
    expect(result.same.sort()).toEqual(['campaigns', 'country', 'locale', 'priceTables', 'regionId', 'sc', 'utmCampaign', 'utmSource', 'utmiCampaign'])
    expect(result.differences).toEqual({})
  })

  it('a delivery promise: the same zip-code, coordinates, country, pickupPoint, deliveryZonesHash on products; FastStore names the pickup hash pickupPointHash', async () => {
    const segment: Segment = {
      ...ANONYMOUS,
      facets: 'zip-code=22250040;coordinates=-43.18,-22.94;country=BRA;pickupPoint=store-7;deliveryZonesHash=dz1;pickupPointsHash=pp1;productClusterIds=137',
    }
    const products = await productPage(segment)
    const result = compare(products, segment, 'products')
    expect(result.same.sort()).toEqual(['coordinates', 'country', 'deliveryZonesHash', 'locale', 'pickupPoint', 'sc', 'zip-code'])
    // The guide's Step 3 and the API reference send the delivery promise to products too, the
    // pickup hash as pickupPointsHash (ours), not FastStore 4.8's pickupPointHash.
    expect(result.differences).toEqual({
      pickupPointHash: { fastStore: 'pp1' },
      pickupPointsHash: { ours: 'pp1' },
    })
    // Neither side puts the path facets on products (it takes none).
    expect(products.path).toBe('')
    expect(sent.filter((line) => line.includes('/products?'))).toHaveLength(1)
  })
})
