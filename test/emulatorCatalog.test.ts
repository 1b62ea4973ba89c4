import { describe, expect, it } from 'vitest'
import type { OrderForm } from '../src/checkout/index'
import { decodeSegmentToken } from '../src/index'
import {
  createSessionManagerMock,
  createSessionManagerModel,
  demoCatalog,
  demoPricesFor,
  demoPricesRoute,
  isSessionError,
  type CatalogPrice,
  type CatalogProduct,
} from '../src/testing/index'
import { startSessionManagerServer } from '../src/testing/node'
import { callEmulator } from './emulatorCall'
import { server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'

/** An app's own catalog: prices in cents, one product with every kind of price, one with a pickup rule. */
const catalog: CatalogProduct[] = [
  {
    id: 'tee-1',
    name: 'Logo tee',
    price: 5990,
    regionPrices: { [RIO]: 5490, [SAO_PAULO]: 6290 },
    priceTablePrices: { 'b2b-gold': 4000 },
    campaignPrices: { 'black-friday': 2990 },
  },
  { id: 'cap-7', name: 'Cap', price: 3500, campaignPrices: { 'black-friday': 9999 }, unavailableAt: ['rio-botafogo'] },
]

type Answer = OrderForm & { error?: { message: string } }
const call = (method: string, path: string, body?: unknown) => callEmulator<Answer>(method, path, body)
const search = (postalCode: string) => ({ selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode, geoCoordinates: [] }] })
const publicBody = (fields: Record<string, string>) => ({ public: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value }])) })
const pricesOf = (answer: Answer) => answer.items.map(({ id, sellingPrice }) => [id, sellingPrice])

/** An emulator selling the app's catalog, answering this test's requests. */
function sellingAppCatalog() {
  const emulator = createSessionManagerMock({ catalog, routes: [demoPricesRoute] })
  server.use(...emulator.handlers)
  return emulator
}

async function cartWith(items: Array<{ id: string; quantity: number }>) {
  const id = (await call('GET', '/api/checkout/pub/orderForm')).body.orderFormId
  const added = await call('POST', `/api/checkout/pub/orderForm/${id}/items`, { orderItems: items.map((item) => ({ ...item, seller: '1' })) })
  return { id, added }
}

describe('the emulator with an app’s own catalog', () => {
  it('prices its SKU in the cart as the catalog says: the base price, then the region of the address', async () => {
    sellingAppCatalog()
    const { id, added } = await cartWith([{ id: 'tee-1', quantity: 2 }])
    expect(added.status).toBe(200)
    expect(added.body.items).toMatchObject([{ id: 'tee-1', name: 'Logo tee', quantity: 2, price: 5990, listPrice: 5990, sellingPrice: 5990, availability: 'available' }])
    expect(added.body.value).toBe(2 * 5990)
    expect(pricesOf((await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))).body)).toEqual([['tee-1', 5490]])
    const inSaoPaulo = (await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('01310-100'))).body
    expect(pricesOf(inSaoPaulo)).toEqual([['tee-1', 6290]])
    expect(inSaoPaulo.value).toBe(2 * 6290)
  })

  it("prices by the shopper's price table over the region, and by a matched campaign only where that is lower", async () => {
    const emulator = sellingAppCatalog()
    const session = (await call('GET', '/api/sessions?items=*')).body as unknown as { id: string }
    emulator.logIn(session.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    const { id } = await cartWith([{ id: 'tee-1', quantity: 1 }, { id: 'cap-7', quantity: 1 }])
    const inRio = (await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))).body
    expect(pricesOf(inRio)).toEqual([['tee-1', 4000], ['cap-7', 3500]])
    expect((await call('PATCH', '/api/sessions', publicBody({ utm_campaign: 'black-friday' }))).status).toBe(200)
    expect(pricesOf((await call('GET', `/api/checkout/pub/orderForm/${id}`)).body)).toEqual([['tee-1', 2990], ['cap-7', 3500]])
  })

  it('makes a product unavailable at the pickup points its catalog entry names, and leaves it out of the total', async () => {
    sellingAppCatalog()
    const { id } = await cartWith([{ id: 'tee-1', quantity: 1 }, { id: 'cap-7', quantity: 1 }])
    const pickup = (id: string, point: string) =>
      call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, {
        ...search('22250040'),
        logisticsInfo: [0, 1].map((itemIndex) => ({ itemIndex, selectedDeliveryChannel: 'pickup-in-point', selectedSla: point })),
      })
    const atBotafogo = (await pickup(id, 'rio-botafogo')).body
    expect(atBotafogo.items.map(({ id: sku, availability }) => [sku, availability])).toEqual([['tee-1', 'available'], ['cap-7', 'cannotBeDelivered']])
    expect(atBotafogo.value).toBe(5490)
    // The Centro locker's own rule (`unavailableSkus: ['sku-4']`) says nothing of the app's cap.
    expect((await pickup(id, 'rio-centro')).body.items.map(({ availability }) => availability)).toEqual(['available', 'available'])
  })

  it('lists the same catalog on /api/demo/prices, in currency units, per region and per delivery promise', async () => {
    sellingAppCatalog()
    const prices = async (query = '') => (await callEmulator<CatalogPrice[]>('GET', `/api/demo/prices${query}`)).body
    expect(await prices()).toEqual([
      { id: 'tee-1', name: 'Logo tee', price: 59.9, currencyCode: 'BRL', available: true },
      { id: 'cap-7', name: 'Cap', price: 35, currencyCode: 'BRL', available: true },
    ])
    expect((await prices(`?regionId=${RIO}`)).map(({ price }) => price)).toEqual([54.9, 35])
    await call('PATCH', '/api/sessions', publicBody({ country: 'BRA', postalCode: '22250-040', facets: 'zip-code=22250040;pickupPoint=rio-botafogo' }))
    expect((await prices()).map(({ id, price, available }) => [id, price, available])).toEqual([
      ['tee-1', 54.9, true],
      ['cap-7', 35, false],
    ])
  })

  it('answers a SKU the catalog does not have (here a demo one) as it answers any unknown SKU: 400, cart unchanged', async () => {
    sellingAppCatalog()
    const { id, added } = await cartWith([{ id: 'sku-1', quantity: 1 }])
    expect(added.status).toBe(400)
    expect(added.body.error?.message).toBe('No SKU "sku-1"')
    expect((await call('GET', `/api/checkout/pub/orderForm/${id}`)).body.items).toEqual([])
  })

  it.each([
    ['not a list', { 'tee-1': 5990 }, 'catalog must be a list of products { id, name, price }, got {"tee-1":5990}'],
    ['a price in currency units', [{ id: 'tee-1', name: 'Logo tee', price: 59.9 }], 'catalog[0].price must be a whole number of cents (8990 for 89.90), got 59.9'],
    ['the demo catalog’s shape', demoCatalog, 'catalog[0] has an unknown field "basePrice" (a product has id, name, price, regionPrices, priceTablePrices, campaignPrices, unavailableAt)'],
    ['an id listed twice', [catalog[0], catalog[0]], 'catalog[1].id "tee-1" is listed twice'],
    ['an empty id', [{ id: ' ', name: 'Blank', price: 1 }], 'catalog[0].id must be a SKU id (a non-empty string), got " "'],
    ['a negative table price', [{ id: 'a', name: 'A', price: 1, priceTablePrices: { gold: -5 } }], 'catalog[0].priceTablePrices["gold"] must be a whole number of cents (8990 for 89.90), got -5'],
    ['an unknown region', [{ id: 'a', name: 'A', price: 1, regionPrices: { 'v2.NOWHERE': 1 } }], 'catalog[0].regionPrices names region "v2.NOWHERE", which the regions table does not have'],
    ['an unknown pickup point', [{ id: 'a', name: 'A', price: 1, unavailableAt: ['moon-base'] }], 'catalog[0].unavailableAt names pickup point "moon-base", which the store does not have'],
  ])('refuses a catalog with %s, at construction, as a SessionError invalid-input', (_, bad, message) => {
    const made = () => createSessionManagerMock({ catalog: bad as CatalogProduct[] })
    expect(made).toThrow(message)
    try {
      made()
    } catch (error) {
      expect(isSessionError(error) && error.kind).toBe('invalid-input')
    }
  })

  it('refuses a bad catalog in the model and the node server too, before listening', async () => {
    const bad = [{ id: 'tee-1', name: 'Logo tee', price: '59.90' }] as unknown as CatalogProduct[]
    expect(() => createSessionManagerModel({ catalog: bad })).toThrow('catalog[0].price must be a whole number of cents (8990 for 89.90), got "59.90"')
    await expect(startSessionManagerServer({ catalog: bad })).rejects.toMatchObject({ kind: 'invalid-input' })
  })

  it('checks regions and pickup points against the tables given with it', () => {
    const regions = [{ regionId: 'v2.MINE', country: 'USA', postalCode: /^1/ }]
    const pickupPoints = [{ id: 'locker-9', friendlyName: 'Locker', country: 'USA', postalCode: '10001', city: 'New York', state: 'NY', street: '5th Ave', geoCoordinates: [-73.99, 40.75] as const }]
    const own = [{ id: 'a', name: 'A', price: 100, regionPrices: { 'v2.MINE': 90 }, unavailableAt: ['locker-9'] }]
    expect(() => createSessionManagerMock({ regions, pickupPoints, catalog: own })).not.toThrow()
    expect(() => createSessionManagerMock({ catalog: own })).toThrow('catalog[0].regionPrices names region "v2.MINE"')
  })

  it('sells the demo catalog by the demo rules when given none', async () => {
    const emulator = createSessionManagerMock({ routes: [demoPricesRoute] })
    const response = (await emulator.respond(new Request('http://localhost:3000/api/demo/prices'), {}))!
    const segmentToken = /vtex_segment=([^;]+)/.exec(response.headers.getSetCookie().join('\n'))![1]!
    const listed = (await response.json()) as CatalogPrice[]
    expect(listed.map(({ id }) => id)).toEqual(demoCatalog.map(({ id }) => id))
    expect(listed).toEqual(demoPricesFor(decodeSegmentToken(segmentToken)))
  })
})
