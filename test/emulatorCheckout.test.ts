import { describe, expect, it } from 'vitest'
import { resolveRegion } from '../src/core/regionResolver'
import type { OrderForm } from '../src/checkout/index'
import { demoPricesFor } from '../src/testing/index'
import { callEmulator } from './emulatorCall'
import { mock } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'

const call = (method: string, path: string, body?: unknown) => callEmulator<OrderForm & { error?: { message: string } }>(method, path, body)

const cents = (segment: { regionId: string | null; priceTables?: string | null }, id: string) =>
  Math.round(demoPricesFor({ ...segment, campaigns: null }).find((product) => product.id === id)!.price * 100)
const search = (postalCode: string) => ({ selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode, geoCoordinates: [] }] })

async function cartWith(items: Array<{ id: string; quantity: number }>) {
  const created = await call('GET', '/api/checkout/pub/orderForm')
  const id = created.body.orderFormId
  const added = await call('POST', `/api/checkout/pub/orderForm/${id}/items`, { orderItems: items.map((item) => ({ ...item, seller: '1' })) })
  return { id, added, created }
}

describe('the emulated Checkout cart (orderForm)', () => {
  it('creates the cart once and names it in the checkout.vtex.com cookie, then reads that one', async () => {
    const first = await call('GET', '/api/checkout/pub/orderForm')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ orderFormId: expect.stringMatching(/^\d{32}$/), items: [], value: 0, shippingData: null })
    expect(first.setCookie).toContain(`checkout.vtex.com=__ofid=${first.body.orderFormId}`)
    expect(first.setCookie).toContain('CheckoutOrderFormOwnership=')
    const again = await call('GET', '/api/checkout/pub/orderForm')
    expect(again.body.orderFormId).toBe(first.body.orderFormId)
    expect((await call('GET', `/api/checkout/pub/orderForm/${first.body.orderFormId}`)).body.orderFormId).toBe(first.body.orderFormId)
    expect((await call('GET', '/api/checkout/pub/orderForm/ffffffffffffffffffffffffffffffff')).status).toBe(404)
  })

  it('prices items in cents by the demo rules: unregionalized until the shipping data names a region', async () => {
    const { id, added } = await cartWith([{ id: 'sku-1', quantity: 2 }, { id: 'sku-3', quantity: 1 }])
    const unregionalized = cents({ regionId: null }, 'sku-1')
    expect(added.body.items.map(({ id: sku, quantity, sellingPrice }) => [sku, quantity, sellingPrice])).toEqual([
      ['sku-1', 2, unregionalized],
      ['sku-3', 1, cents({ regionId: null }, 'sku-3')],
    ])
    expect(added.body.value).toBe(2 * unregionalized + cents({ regionId: null }, 'sku-3'))
    const inRio = await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))
    expect(inRio.body.items[0]?.sellingPrice).toBe(cents({ regionId: RIO }, 'sku-1'))
    expect(inRio.body.shippingData?.address).toMatchObject({ addressType: 'search', postalCode: '22250-040', country: 'BRA', city: 'Rio de Janeiro' })
    const inSaoPaulo = await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('01310-100'))
    expect(inSaoPaulo.body.items[0]?.sellingPrice).toBe(cents({ regionId: SAO_PAULO }, 'sku-1'))
    expect(inSaoPaulo.body.totalizers).toEqual([{ id: 'Items', name: 'Items Total', value: inSaoPaulo.body.value }])
  })

  it("prices by the shopper's price tables (a logged-in B2B buyer) and answers their saved address, residential", async () => {
    const session = await fetch('http://localhost:3000/api/sessions?items=*', { credentials: 'include' }).then((response) => response.json() as Promise<{ id: string }>)
    mock.logIn(session.id, {
      email: 'buyer@b2b.example',
      priceTables: ['b2b-gold'],
      address: { addressId: 'home', postalCode: '22250-040', country: 'BRA', city: 'Rio de Janeiro', state: 'RJ', street: 'Praia de Botafogo', number: '300', receiverName: 'Ana' },
    })
    const { id, added } = await cartWith([{ id: 'sku-2', quantity: 1 }])
    // Before any address is chosen, the cart lists the saved one: where a storefront finds the shopper's place.
    expect(added.body.shippingData).toMatchObject({ address: null, selectedAddresses: [], availableAddresses: [{ addressType: 'residential', addressId: 'home', country: 'BRA', postalCode: '22250-040' }] })
    expect(resolveRegion({ savedAddresses: added.body.shippingData?.availableAddresses ?? [] })).toMatchObject({ source: 'saved-address', fields: { country: 'BRA', postalCode: '22250-040' } })
    const answer = await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))
    expect(answer.body.items[0]?.sellingPrice).toBe(cents({ regionId: RIO, priceTables: 'b2b-gold' }, 'sku-2'))
    expect(answer.body.shippingData?.address).toMatchObject({ addressType: 'residential', addressId: 'home', postalCode: '22250-040', street: 'Praia de Botafogo' })
    expect(answer.body.loggedIn).toBe(true)
  })

  it('ships to a pickup point: the locker holds no grinder, so it is unavailable and left out of the total', async () => {
    const { id } = await cartWith([{ id: 'sku-4', quantity: 1 }, { id: 'sku-3', quantity: 2 }])
    const pickup = await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, {
      ...search('20040002'),
      logisticsInfo: [0, 1].map((itemIndex) => ({ itemIndex, selectedDeliveryChannel: 'pickup-in-point', selectedSla: 'rio-centro' })),
    })
    expect(pickup.body.items.map(({ availability }) => availability)).toEqual(['cannotBeDelivered', 'available'])
    expect(pickup.body.value).toBe(2 * cents({ regionId: RIO }, 'sku-3'))
    expect(pickup.body.shippingData?.logisticsInfo?.map(({ selectedDeliveryChannel, selectedSla }) => [selectedDeliveryChannel, selectedSla])).toEqual([
      ['pickup-in-point', 'rio-centro'],
      ['pickup-in-point', 'rio-centro'],
    ])
    const delivered = await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, {
      ...search('20040002'),
      logisticsInfo: [0, 1].map((itemIndex) => ({ itemIndex, selectedDeliveryChannel: 'delivery' })),
    })
    expect(delivered.body.items.map(({ availability }) => availability)).toEqual(['available', 'available'])
  })

  it('changes quantities by index (0 removes) and refuses bad input with 400, changing nothing', async () => {
    const { id } = await cartWith([{ id: 'sku-1', quantity: 1 }, { id: 'sku-2', quantity: 1 }])
    const updated = await call('POST', `/api/checkout/pub/orderForm/${id}/items/update`, { orderItems: [{ index: 0, quantity: 0 }] })
    expect(updated.body.items.map(({ id: sku }) => sku)).toEqual(['sku-2'])
    const refusals = await Promise.all([
      call('POST', `/api/checkout/pub/orderForm/${id}/items`, { orderItems: [{ id: 'nope', quantity: 1 }] }),
      call('POST', `/api/checkout/pub/orderForm/${id}/items`, { orderItems: [{ id: 'sku-1', quantity: 1.5 }] }),
      call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, { selectedAddresses: [{ country: 'Brazil', postalCode: '22250040' }] }),
      call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, { ...search('22250040'), logisticsInfo: [{ itemIndex: 0, selectedDeliveryChannel: 'pickup-in-point', selectedSla: 'nowhere' }] }),
    ])
    expect(refusals.map(({ status }) => status)).toEqual([400, 400, 400, 400])
    expect(refusals[0]?.body.error?.message).toBe('No SKU "nope"')
    const after = await call('GET', `/api/checkout/pub/orderForm/${id}`)
    expect(after.body.items.map(({ id: sku, quantity }) => [sku, quantity])).toEqual([['sku-2', 1]])
    expect(after.body.shippingData).toBeNull()
  })

  it('records, delays and faults the cart calls like the Session Manager calls', async () => {
    const { id } = await cartWith([{ id: 'sku-1', quantity: 1 }])
    mock.fail({ kind: 'http', status: 503 }, { path: `/api/checkout/pub/orderForm/${id}/attachments/shippingData` })
    expect((await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))).status).toBe(503)
    expect((await call('POST', `/api/checkout/pub/orderForm/${id}/attachments/shippingData`, search('22250040'))).status).toBe(200)
    expect(mock.requests.filter(({ path }) => path.includes('shippingData')).map(({ method, body }) => [method, body])).toEqual([
      ['POST', search('22250040')],
      ['POST', search('22250040')],
    ])
  })
})
