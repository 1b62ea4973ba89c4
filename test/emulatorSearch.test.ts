import { describe, expect, it } from 'vitest'
import { facetsSchema, pickupPointAvailabilitySchema, productSchema, productSearchSchema, type ProductSearchResult, type SearchProduct } from '../src/search/index'
import { createSessionManagerMock, demoPriceOf, type CatalogProduct } from '../src/testing/index'
import { server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const V1 = '/api/intelligent-search/v1'
const KETTLE = 249

/** One v1 request as a browser sends it: cookies included (v1 must ignore them). */
async function get(path: string) {
  const response = await fetch(`http://localhost:3000${V1}${path}`, { credentials: 'include' })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
}

const offerOf = (answer: { body: unknown }, skuId: string) =>
  (answer.body as ProductSearchResult).products.flatMap((product) => product.items).find((item) => item.itemId === skuId)?.sellers[0]?.commertialOffer

describe('the emulator’s Intelligent Search v1: priced by the URL alone', () => {
  it.each([
    ['no context: the default price', '', {}],
    ['regionId', `regionId=${RIO}`, { regionId: RIO }],
    ['priceTables (a b2b table)', 'priceTables=b2b-gold', { priceTables: 'b2b-gold' }],
    ['campaigns', 'campaigns=black-friday', { campaigns: 'black-friday' }],
    ['utmCampaign matching an audience', 'utmCampaign=black-friday', { campaigns: 'black-friday' }],
    ['utmSource matching an audience', 'utmSource=newsletter', { campaigns: 'newsletter-readers' }],
  ])('%s', async (_case, query, pricing) => {
    const answer = await get(`/product-search/?${query}`)
    expect(answer.status).toBe(200)
    expect(offerOf(answer, 'sku-2')).toEqual({ Price: demoPriceOf(KETTLE, pricing), ListPrice: Math.max(demoPriceOf(KETTLE, {}), demoPriceOf(KETTLE, pricing)), AvailableQuantity: 100 })
  })

  it('ignores the shopper’s cookies: a session in Rio without context in the URL gets the default prices', async () => {
    const write = await fetch('http://localhost:3000/api/sessions', {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } }),
    })
    expect(write.status).toBe(200)
    const segment = (await (await fetch('http://localhost:3000/api/segments', { credentials: 'include' })).json()) as { regionId: string }
    expect(segment.regionId).toBe(RIO)
    const bare = await get('/product-search/')
    expect(offerOf(bare, 'sku-2')?.Price).toBe(demoPriceOf(KETTLE, {}))
    expect(offerOf(await get(`/product-search/?regionId=${RIO}`), 'sku-2')?.Price).toBe(demoPriceOf(KETTLE, { regionId: RIO }))
  })

  it('makes a product a pickup point does not hold unavailable there, and no other', async () => {
    const answer = await get('/product-search/?pickupPoint=rio-centro')
    expect(offerOf(answer, 'sku-4')?.AvailableQuantity).toBe(0)
    expect(offerOf(answer, 'sku-2')?.AvailableQuantity).toBe(100)
  })

  it('answers with Cache-Control and no cookie; an error has no Cache-Control', async () => {
    const answer = await get('/product-search')
    expect(answer.headers.get('cache-control')).toBe('public, max-age=600')
    expect(answer.headers.get('set-cookie')).toBeNull()
    const refused = await get('/products?field=color&value=red')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('cache-control')).toBeNull()
  })

  it('filters by query, pages by page and count, and counts every match in recordsFiltered', async () => {
    const first = (await get('/product-search/?count=3')).body as ProductSearchResult
    expect(first.products.map((product) => product.productName)).toEqual(['Espresso beans 1 kg', 'Pour-over kettle', 'Ceramic mug'])
    expect(first).toMatchObject({ recordsFiltered: 4, pagination: { count: 2, perPage: 3 } })
    const second = (await get('/product-search/?count=3&page=2')).body as ProductSearchResult
    expect(second.products.map((product) => product.productName)).toEqual(['Burr grinder'])
    const found = (await get('/product-search/brand/any?query=KETTLE')).body as ProductSearchResult
    expect(found.products.map((product) => product.productId)).toEqual(['2'])
    expect(found.recordsFiltered).toBe(1)
    expect((await get('/product-search/?page=0')).status).toBe(400)
    const byPrice = (await get('/product-search?sort=price:desc')).body as ProductSearchResult
    expect(byPrice.products.map((product) => product.productName)).toEqual(['Burr grinder', 'Pour-over kettle', 'Espresso beans 1 kg', 'Ceramic mug'])
    const byName = (await get('/product-search?sort=name:asc')).body as ProductSearchResult
    expect(byName.products.map((product) => product.productName)).toEqual(['Burr grinder', 'Ceramic mug', 'Espresso beans 1 kg', 'Pour-over kettle'])
  })

  it('answers one product by id, slug and sku, priced like the search; 404 for none, 400 for a bad field', async () => {
    for (const [field, value] of [['id', '2'], ['slug', 'pour-over-kettle'], ['sku', 'sku-2']]) {
      const answer = await get(`/products?field=${field}&value=${value}&regionId=${RIO}`)
      expect(answer.status).toBe(200)
      expect((answer.body as SearchProduct).items[0]?.sellers[0]?.commertialOffer.Price).toBe(demoPriceOf(KETTLE, { regionId: RIO }))
    }
    // Placed like the search: the Centro locker lacks the grinder (sku-4), delivery does not.
    const stockOf = async (query: string) => ((await get(`/products?field=sku&value=sku-4${query}`)).body as SearchProduct).items[0]?.sellers[0]?.commertialOffer.AvailableQuantity
    expect([await stockOf('&zip-code=20040-002&country=BRA'), await stockOf('&zip-code=20040-002&country=BRA&pickupPoint=rio-centro')]).toEqual([100, 0])
    expect((await get('/products?field=slug&value=nothing')).status).toBe(404)
    expect((await get('/products?field=constructor&value=x')).status).toBe(400)
    expect((await get('/products?field=id')).status).toBe(400)
  })

  it('answers facets counting what the pickup point holds, and pickup points near coordinates, nearest first', async () => {
    const facets = facetsSchema.parse((await get('/facets/?pickupPoint=rio-centro')).body)
    expect(facets.facets[0]?.values.map(({ value, quantity }) => [value, quantity])).toEqual([['available', 3], ['unavailable', 1]])
    const near = pickupPointAvailabilitySchema.parse((await get('/pickup-point-availability/?coordinates=-43.1822,-22.9455&country=BRA')).body)
    expect(near.pickupPointDistances.map(({ pickupId }) => pickupId)).toEqual(['rio-botafogo', 'rio-centro'])
    // Botafogo store is about 0.6 km from the Rio region's postal code.
    expect(near.pickupPointDistances[0]?.distance).toBeGreaterThan(0.3)
    expect(near.pickupPointDistances[0]?.distance).toBeLessThan(1)
    const nowhere = pickupPointAvailabilitySchema.parse((await get('/pickup-point-availability/?zip-code=22250040')).body)
    expect(nowhere.pickupPointDistances).toEqual([])
  })

  it('answers what the library’s own schemas accept (they cannot drift apart)', async () => {
    const page = (await get(`/product-search/?regionId=${RIO}&pickupPoint=rio-centro`)).body
    const product = (await get('/products?field=sku&value=sku-3')).body
    expect(() => productSearchSchema.parse(page)).not.toThrow()
    expect(() => productSchema.parse(product)).not.toThrow()
  })

  it('sells an app’s own catalog: region, price table and campaign prices, and a point that lacks a product', async () => {
    const catalog: CatalogProduct[] = [
      { id: 'tee-1', name: 'Logo tee', price: 5990, regionPrices: { [RIO]: 5490 }, priceTablePrices: { 'b2b-gold': 4000 }, campaignPrices: { 'black-friday': 2990 }, unavailableAt: ['rio-botafogo'] },
    ]
    server.use(...createSessionManagerMock({ catalog }).handlers)
    const price = async (query: string) => offerOf(await get(`/product-search/?${query}`), 'tee-1')
    expect(await price('')).toEqual({ Price: 59.9, ListPrice: 59.9, AvailableQuantity: 100 })
    expect((await price(`regionId=${RIO}`))?.Price).toBe(54.9)
    expect((await price('priceTables=b2b-gold'))?.Price).toBe(40)
    expect((await price('utmCampaign=black-friday'))?.Price).toBe(29.9)
    expect((await price('pickupPoint=rio-botafogo'))?.AvailableQuantity).toBe(0)
  })
})
