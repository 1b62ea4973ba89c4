import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isSessionError } from '../src/core/SessionError'
import { createSearchClient } from '../src/search/createSearchClient'
import { searchContextOf } from '../src/search/searchContext'
import { freshnessOf } from '../src/search/searchQueries'
import { server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const context = searchContextOf({ cultureInfo: 'pt-BR', channel: '1', regionId: RIO, priceTables: 'gold', facets: 'zip-code=22250040;shipping=delivery' })

const mug = {
  productId: '3',
  productName: 'Ceramic mug',
  linkText: 'ceramic-mug',
  items: [{ itemId: 'sku-3', name: 'Ceramic mug', sellers: [{ sellerId: '1', sellerDefault: true, commertialOffer: { Price: 38.71, ListPrice: 45.43, AvailableQuantity: 12 } }] }],
}

/** Answers v1 as the real API does, recording each URL asked for. */
function answerSearch(body: unknown, init: ResponseInit = { headers: { 'cache-control': 'public, max-age=600' } }) {
  const urls: string[] = []
  server.use(
    http.get('*/api/intelligent-search/v1/*', ({ request }) => {
      const url = new URL(request.url)
      urls.push(url.pathname + url.search)
      return HttpResponse.json(body as never, init)
    }),
  )
  return urls
}

async function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error as Error & { kind?: string; status?: number },
  )
}

describe('createSearchClient().productSearch', () => {
  it('asks v1 once, the context in the path and the query, and answers the validated page with its Cache-Control', async () => {
    const urls = answerSearch({ products: [mug], recordsFiltered: 1, pagination: { count: 1, perPage: 12 } })
    const answer = await createSearchClient().productSearch({ context, query: 'mug', facets: [{ key: 'brand', value: 'Café Bom' }], page: 2, count: 12, sort: 'price:asc' })
    expect(urls).toEqual([
      `/api/intelligent-search/v1/product-search/shipping/delivery/brand/Caf%C3%A9%20Bom?query=mug&page=2&count=12&sort=price%3Aasc&locale=pt-BR&sc=1&regionId=${RIO}&priceTables=gold&zip-code=22250040`,
    ])
    expect(answer.cacheControl).toBe('public, max-age=600')
    expect(answer.data.products[0]?.items[0]?.sellers[0]?.commertialOffer).toEqual({ Price: 38.71, ListPrice: 45.43, AvailableQuantity: 12 })
    expect(answer.data.recordsFiltered).toBe(1)
  })

  it('says when an answer has no Cache-Control', async () => {
    answerSearch({ products: [], recordsFiltered: 0 }, {})
    expect((await createSearchClient().productSearch({ context })).cacheControl).toBeNull()
  })

  it.each([
    ['no context', {}, /needs the shopper context/],
    ['page 0', { context, page: 0 }, /page must be a whole number from 1, got 0/],
    ['a fractional count', { context, count: 1.5 }, /count must be a whole number from 1/],
    ['a facet with "/"', { context, facets: [{ key: 'brand', value: 'a/b' }] }, /A facet is \{ key, value \}/],
    ['a query that is not text', { context, query: 42 }, /query must be a text/],
  ])('checks %s before any request', async (_case, input, message) => {
    const urls = answerSearch({ products: [], recordsFiltered: 0 })
    const error = await failureOf(createSearchClient().productSearch(input as never))
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(message) })
    expect(urls).toEqual([])
  })

  it('fails with a SessionError naming the field when the answer breaks the schema', async () => {
    answerSearch({ products: [{ ...mug, items: [{ ...mug.items[0], sellers: [{ sellerId: '1', commertialOffer: { Price: '38' } }] }] }], recordsFiltered: 1 })
    const error = await failureOf(createSearchClient().productSearch({ context }))
    expect(isSessionError(error)).toBe(true)
    expect(error).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('The Intelligent Search sent a product search answer that does not match its schema at "products.0.items.0.sellers.0.commertialOffer.Price"') })
  })

  it('fails with kind http and the status on a 5xx', async () => {
    server.use(http.get('*/api/intelligent-search/v1/*', () => new HttpResponse('busy', { status: 503, statusText: 'Service Unavailable' })))
    expect(await failureOf(createSearchClient().productSearch({ context }))).toMatchObject({ kind: 'http', status: 503 })
  })
})

describe('createSearchClient().product', () => {
  it('asks for one product by field and value, with the context the products endpoint takes: prices and the delivery promise, no path facet', async () => {
    const urls = answerSearch(mug)
    const answer = await createSearchClient({ baseUrl: 'http://127.0.0.1:4999/' }).product({ context, field: 'slug', value: 'ceramic-mug' })
    expect(urls).toEqual([`/api/intelligent-search/v1/products?field=slug&value=ceramic-mug&locale=pt-BR&sc=1&regionId=${RIO}&priceTables=gold&zip-code=22250040`])
    expect(answer).toEqual({ data: mug, cacheControl: 'public, max-age=600' })
  })

  it('places the product page: every delivery promise parameter of the segment reaches the products request', async () => {
    const urls = answerSearch(mug)
    const placed = searchContextOf({
      channel: '1',
      countryCode: 'BRA',
      facets: 'zip-code=22250040;coordinates=-43.18,-22.94;pickupPoint=store-7;deliveryZonesHash=dz1;pickupPointsHash=pp1;brand=acme',
    })
    await createSearchClient().product({ context: placed, field: 'id', value: '3' })
    expect(urls).toHaveLength(1)
    expect(urls[0]?.split('?')[0]).toBe('/api/intelligent-search/v1/products')
    expect(Object.fromEntries(new URLSearchParams(urls[0]?.split('?')[1]))).toEqual({
      field: 'id',
      value: '3',
      sc: '1',
      'zip-code': '22250040',
      coordinates: '-43.18,-22.94',
      country: 'BRA',
      pickupPoint: 'store-7',
      deliveryZonesHash: 'dz1',
      pickupPointsHash: 'pp1',
    })
  })

  it.each([
    ['an unknown field', { context, field: 'name', value: 'x' }, /field must be one of id, slug, ean, sku, reference/],
    ['an empty value', { context, field: 'id', value: ' ' }, /value must be a non-empty text/],
  ])('checks %s before any request', async (_case, input, message) => {
    const urls = answerSearch(mug)
    expect(await failureOf(createSearchClient().product(input as never))).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(message) })
    expect(urls).toEqual([])
  })
})

describe('createSearchClient().facets and .pickupPointAvailability', () => {
  it('asks v1 facets with the search text and the context the facets endpoint takes, and answers the filters', async () => {
    const urls = answerSearch({ facets: [{ name: 'Brand', key: 'brand', type: 'TEXT', values: [{ key: 'brand', value: 'acme', name: 'Acme', quantity: 3, selected: false }] }] })
    const answer = await createSearchClient().facets({ context, query: 'mug', facets: [{ key: 'brand', value: 'acme' }] })
    expect(urls).toEqual([`/api/intelligent-search/v1/facets/shipping/delivery/brand/acme?query=mug&locale=pt-BR&sc=1&regionId=${RIO}&zip-code=22250040`])
    expect(answer.data.facets[0]?.values[0]).toMatchObject({ value: 'acme', quantity: 3 })
    expect(answer.cacheControl).toBe('public, max-age=600')
  })

  it('asks v1 pickup-point-availability with the delivery promise and no price context', async () => {
    const urls = answerSearch({ pickupPointDistances: [{ pickupId: 'store-7', pickupName: 'Copacabana', distance: 1.2, isActive: true }] })
    const answer = await createSearchClient().pickupPointAvailability({ context })
    expect(urls).toEqual(['/api/intelligent-search/v1/pickup-point-availability?locale=pt-BR&sc=1&zip-code=22250040'])
    expect(answer.data.pickupPointDistances.map(({ pickupId }) => pickupId)).toEqual(['store-7'])
  })

  // VTEX's Step 3 table appends the segment's other facets keys as path facets on product-search
  // and facets only; the facets a shopper chose are the search's own, on every endpoint with a path.
  it('puts no segment facet in the pickup-point-availability path, only the facets the shopper chose', async () => {
    const urls = answerSearch({ pickupPointDistances: [] })
    await createSearchClient().pickupPointAvailability({ context: searchContextOf({ channel: '1', facets: 'zip-code=22250040;brand=acme;productClusterIds=137' }), facets: [{ key: 'category-1', value: 'coffee' }] })
    expect(urls).toEqual(['/api/intelligent-search/v1/pickup-point-availability/category-1/coffee?sc=1&zip-code=22250040'])
  })

  it.each([
    ['..', '..'],
    ['brand', '.'],
    ['.', 'acme'],
  ])('refuses a facet { key: %j, value: %j } (a dot segment would leave the search path) before any request', async (key, value) => {
    const urls = answerSearch({ facets: [] })
    const error = await failureOf(createSearchClient().productSearch({ context, facets: [{ key, value }] }))
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/not "\." or "\.\."/) })
    expect(urls).toEqual([])
  })

  it('takes a facets answer as VTEX documents it: a PRICERANGE value has a range and no value', async () => {
    answerSearch({
      facets: [
        { name: 'Price', key: 'price', type: 'PRICERANGE', values: [{ key: 'price', name: '', quantity: 12, selected: false, range: { from: 10, to: 50 } }] },
        { name: 'Brand', key: 'brand', type: 'TEXT', values: [{ key: 'brand', value: 'acme', name: 'Acme', quantity: 3, selected: false }] },
      ],
    })
    const answer = await createSearchClient().facets({ context })
    expect(answer.data.facets[0]?.values[0]).toMatchObject({ range: { from: 10, to: 50 } })
    expect(answer.data.facets[1]?.values[0]).toMatchObject({ value: 'acme' })
  })

  it('refuses a facet with "/" before any request', async () => {
    const urls = answerSearch({ facets: [] })
    const error = await failureOf(createSearchClient().facets({ context, facets: [{ key: 'brand', value: 'a/b' }] }))
    expect(isSessionError(error) && error.kind).toBe('invalid-input')
    expect(urls).toEqual([])
  })
})

describe('freshnessOf: how long a search answer is reused', () => {
  it.each([
    ['public, max-age=600', 600_000],
    ['max-age=60, public', 60_000],
    ['public, s-maxage=900', 0],
    ['no-store', 0],
    ['no-cache, max-age=600', 0],
    [null, 0],
  ])('%s → %i ms', (header, ms) => expect(freshnessOf(header)).toBe(ms))
})

describe('createSearchClient sends no cookie', () => {
  it('asks with credentials omitted and without a cookie header, whatever the settings carry', async () => {
    const sent: RequestInit[] = []
    const recording: typeof fetch = async (_input, init) => {
      sent.push(init ?? {})
      return Response.json({ products: [], recordsFiltered: 0 })
    }
    await createSearchClient({ baseUrl: 'https://store.example', fetch: recording, headers: { Cookie: 'vtex_session=secret', 'x-app': 'kept' } }).productSearch({ context })
    expect(sent[0]?.credentials).toBe('omit')
    expect(sent[0]?.headers).toEqual({ accept: 'application/json', 'x-app': 'kept' })
  })

  it('refuses facets that are not a list before any request', async () => {
    const urls = answerSearch({ products: [], recordsFiltered: 0 })
    const error = await failureOf(createSearchClient().productSearch({ context, facets: 'brand/acme' as never }))
    expect(isSessionError(error) && error.kind).toBe('invalid-input')
    expect(urls).toEqual([])
  })
})
