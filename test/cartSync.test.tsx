import { onlineManager, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { CartSync, checkoutKeysFor, createCheckoutClient, useDeliveryPromise, useOrderForm, type OrderForm } from '../src/checkout/index'
import { createSessionClient, refreshSession, SessionProvider, useRegion, useSession, type SessionClient, type SessionError } from '../src/index'
import { demoPricesFor } from '../src/testing/index'
import { http, HttpResponse } from 'msw'
import { api, orderFormReads, seedCart, shippingWrites } from './cartHarness'
import { createTestQueryClient, mock, server } from './harness'

afterEach(() => onlineManager.setOnline(true))

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
const price = (regionId: string | null, id: string, priceTables: string | null = null) =>
  demoPricesFor({ regionId, priceTables, campaigns: null }).find((product) => product.id === id)!.price

function useStorefront(totals: Array<number | undefined>) {
  const cart = useOrderForm()
  totals.push(cart.total)
  return { cart, region: useRegion(), session: useSession(), promise: useDeliveryPromise() }
}

/** A second delivery-promise reader elsewhere on the page (a header switch beside the minicart's). */
function OtherDeliveryPromiseReader() {
  useDeliveryPromise()
  return null
}

interface StorefrontOptions {
  client?: SessionClient
  cartSync?: boolean
  otherDeliveryPromiseReaders?: number
}

function renderStorefront({ client, cartSync = true, otherDeliveryPromiseReaders = 0 }: StorefrontOptions = {}) {
  const queryClient = createTestQueryClient()
  const totals: Array<number | undefined> = []
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SessionProvider client={client}>
        {cartSync && <CartSync />}
        {Array.from({ length: otherDeliveryPromiseReaders }, (_, index) => (
          <OtherDeliveryPromiseReader key={index} />
        ))}
        {children}
      </SessionProvider>
    </QueryClientProvider>
  )
  const rendered = renderHook(() => useStorefront(totals), { wrapper })
  return { ...rendered, totals, queryClient }
}

const patches = () => mock.requests.filter(({ method }) => method === 'PATCH')
const facetWrites = () => patches().filter(({ body }) => (body as { public?: Record<string, unknown> } | undefined)?.public?.facets !== undefined)

/** Rio, the Centro locker chosen (it holds no grinder, sku-4), the cart written for it. */
async function pickUpAtTheRioLocker(result: { current: ReturnType<typeof useStorefront> }) {
  await loaded(result)
  await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
  await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
  await act(() => result.current.promise.setPickupPoint('rio-centro'))
  await waitFor(() => expect(result.current.cart.items.map(({ available }) => available)).toEqual([false, true]))
  await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
}

async function loaded(result: { current: ReturnType<typeof useStorefront> }) {
  await waitFor(() => {
    expect(result.current.cart.orderForm).toBeDefined()
    expect(result.current.session.data).toBeDefined()
  })
}

describe('<CartSync>: the cart follows the session', () => {
  it('re-prices the cart in place after a region change: one shippingData write, its answer used, no orderForm read', async () => {
    await seedCart([['sku-1', 2]])
    const { result, totals } = renderStorefront()
    await loaded(result)
    expect(result.current.cart.total).toBe(2 * price(null, 'sku-1'))
    const readsBefore = orderFormReads().length
    // The cart write is slow: the session write must not wait for it.
    mock.setLatency(({ path }) => (path.endsWith('/shippingData') ? 60 : 0))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    expect(result.current.region.regionId).toBe(RIO)
    expect(result.current.cart.total).toBe(2 * price(null, 'sku-1'))
    await waitFor(() => expect(result.current.cart.total).toBe(2 * price(RIO, 'sku-1')))
    expect(shippingWrites().map(({ path, body }) => [path, body])).toEqual([
      [
        `/api/checkout/pub/orderForm/${result.current.cart.orderForm?.orderFormId}/attachments/shippingData`,
        {
          clearAddressIfPostalCodeNotFound: false,
          selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode: '22250-040', geoCoordinates: [] }],
          logisticsInfo: [{ itemIndex: 0, selectedDeliveryChannel: 'delivery' }],
        },
      ],
    ])
    expect(orderFormReads()).toHaveLength(readsBefore)
    expect(result.current.cart.items).toEqual([{ id: 'sku-1', name: 'Espresso beans 1 kg', quantity: 2, price: price(RIO, 'sku-1'), imageUrl: undefined, available: true }])
    // Every total rendered: nothing until loaded, the old one, then the new one — never back.
    expect([...new Set(totals)]).toEqual([undefined, 2 * price(null, 'sku-1'), 2 * price(RIO, 'sku-1')])
  })

  it('writes nothing when the orderForm already ships there, nor on refetches and remounts', async () => {
    await seedCart([['sku-3', 1]])
    const { result, queryClient, unmount } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(shippingWrites()).toHaveLength(1))
    await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await act(() => refreshSession(queryClient))
    await act(() => queryClient.refetchQueries({ queryKey: ['vtex-checkout'] }))
    unmount()
    const again = renderStorefront()
    await loaded(again.result)
    await waitFor(() => expect(again.result.current.cart.total).toBe(price(RIO, 'sku-3')))
    expect(shippingWrites()).toHaveLength(1)
  })

  it('never loops for a logged-in shopper with a saved postal code: exactly one write, then none', async () => {
    // FastStore #3174/#3188: the orderForm answers the saved address (residential, "22250-040")
    // for the session's "22250040", and a naive comparison writes it again forever.
    const session = await api('PATCH', '/api/sessions?items=*', { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } } })
    mock.logIn(session.id, {
      email: 'ana@example.com',
      address: { addressId: 'home', postalCode: '22250-040', country: 'BRA', city: 'Rio de Janeiro', state: 'RJ', street: 'Praia de Botafogo', number: '300', receiverName: 'Ana' },
    })
    await seedCart([['sku-2', 1]])
    const { result, queryClient, unmount } = renderStorefront()
    await loaded(result)
    await waitFor(() => expect(result.current.cart.orderForm?.shippingData?.address).toMatchObject({ addressType: 'residential', postalCode: '22250-040' }))
    expect(result.current.cart.total).toBe(price(RIO, 'sku-2'))
    for (let round = 0; round < 3; round++) {
      await act(() => refreshSession(queryClient))
      await act(() => queryClient.refetchQueries({ queryKey: ['vtex-checkout'] }))
    }
    // A page load (a new QueryClient) finds the saved address in the cart: it is the same place.
    unmount()
    const reloaded = renderStorefront()
    await loaded(reloaded.result)
    await act(() => refreshSession(reloaded.queryClient))
    expect(reloaded.result.current.cart.total).toBe(price(RIO, 'sku-2'))
    expect(shippingWrites()).toHaveLength(1)
    expect(shippingWrites()[0]?.body).toMatchObject({ selectedAddresses: [{ addressType: 'search', postalCode: '22250040' }] })
  })

  it('does not write a target twice when the Checkout answers somewhere else (no loop, whatever it answers)', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    // A Checkout that ignores the address: its answer never holds what was written.
    server.use(http.post(`*/api/checkout/pub/orderForm/${orderFormId}/attachments/shippingData`, async () => HttpResponse.json(await api('GET', `/api/checkout/pub/orderForm/${orderFormId}`))))
    const { result, queryClient } = renderStorefront()
    await loaded(result)
    let posts = 0
    server.events.on('request:start', ({ request }) => void (request.url.endsWith('/shippingData') && posts++))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(posts).toBe(1))
    await act(() => refreshSession(queryClient))
    await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
    expect(posts).toBe(1)
    server.events.removeAllListeners()
  })

  it('writes only once the region is confirmed, and the cart keeps its last good prices when the write fails', async () => {
    await seedCart([['sku-1', 1]])
    const { result } = renderStorefront()
    await loaded(result)
    mock.setLatency(({ method }) => (method === 'PATCH' ? 300 : 0))
    mock.fail({ kind: 'http', status: 503 }, { path: `/api/checkout/pub/orderForm/${result.current.cart.orderForm?.orderFormId}/attachments/shippingData` })
    let written: Promise<void> | undefined
    act(() => {
      written = result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' })
    })
    // Painted at once, confirmed later: the cart is not written for an unconfirmed region.
    await waitFor(() => expect(result.current.region.postalCode).toBe('01310-100'), { interval: 5 })
    expect(result.current.region.regionId).toBeUndefined()
    expect(shippingWrites()).toHaveLength(0)
    await act(() => written!)
    // The cart's failure to follow the session is its sync's, not an item change of this hook's.
    await waitFor(() => expect(result.current.cart.syncError).toMatchObject({ kind: 'http', status: 503 }))
    expect(result.current.cart).toMatchObject({ error: null, loadError: null, isSyncing: false })
    expect(result.current.cart.total).toBe(price(null, 'sku-1'))
    expect(result.current.cart.syncError?.message).not.toContain(result.current.cart.orderForm!.orderFormId)
    expect(shippingWrites()).toHaveLength(1)
    // The next change writes again; success clears the error.
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.cart.total).toBe(price(RIO, 'sku-1')))
    expect(result.current.cart.syncError).toBeNull()
    expect(shippingWrites()).toHaveLength(2)
  })

  it('serializes writes when the region changes twice quickly, and ends on the last region', async () => {
    await seedCart([['sku-4', 1]])
    const { result } = renderStorefront()
    await loaded(result)
    mock.setLatency(({ path }) => (path.endsWith('/shippingData') ? 30 : 0))
    await act(async () => {
      await Promise.all([result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }), result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' })])
    })
    await waitFor(() => expect(result.current.cart.total).toBe(price(SAO_PAULO, 'sku-4')))
    await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
    const writes = shippingWrites()
    expect(writes.length).toBeLessThanOrEqual(2)
    expect(writes.at(-1)?.body).toMatchObject({ selectedAddresses: [{ postalCode: '01310-100' }] })
    expect(result.current.cart.orderForm?.shippingData?.address?.postalCode).toBe('01310-100')
  })

  it('re-reads the cart once when prices move without the region (a B2B price table after log-in)', async () => {
    await seedCart([['sku-2', 1]])
    const { result, queryClient } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.cart.total).toBe(price(RIO, 'sku-2')))
    const reads = orderFormReads().length
    mock.logIn(result.current.session.data!.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    await act(() => refreshSession(queryClient))
    await waitFor(() => expect(result.current.cart.total).toBe(price(RIO, 'sku-2', 'b2b-gold')))
    expect(orderFormReads()).toHaveLength(reads + 1)
    expect(shippingWrites()).toHaveLength(1)
  })

  it('adds items and sets quantities, priced for where the cart ships', async () => {
    await seedCart([['sku-1', 1]])
    const { result } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await act(() => result.current.cart.addItem('sku-3', 2))
    expect(result.current.cart.items.map(({ id, quantity }) => [id, quantity])).toEqual([['sku-1', 1], ['sku-3', 2]])
    await act(() => result.current.cart.setQuantity(0, 0))
    expect(result.current.cart.items.map(({ id }) => id)).toEqual(['sku-3'])
    expect(result.current.cart.total).toBe(Math.round(2 * price(RIO, 'sku-3') * 100) / 100)
    const before = mock.requests.length
    await expect(result.current.cart.addItem('sku-3', -1)).rejects.toMatchObject({ kind: 'invalid-input' })
    expect(mock.requests).toHaveLength(before)
    // The item change's own error: the cart read and its sync are fine, and reset() clears exactly it.
    await waitFor(() => expect(result.current.cart.error).toMatchObject({ kind: 'invalid-input' }))
    expect(result.current.cart).toMatchObject({ isPending: false, loadError: null, syncError: null, isLoading: false })
    act(() => result.current.cart.reset())
    await waitFor(() => expect(result.current.cart.error).toBeNull())
  })

  it('tells the first load of the cart (isLoading) apart from an item change (isPending)', async () => {
    await seedCart([['sku-1', 1]])
    mock.setLatency(({ path }) => (path.includes('/orderForm') ? 100 : 0))
    const { result } = renderStorefront()
    expect(result.current.cart).toMatchObject({ isLoading: true, isPending: false, items: [] })
    await waitFor(() => expect(result.current.cart.isLoading).toBe(false))
    let added: Promise<void> | undefined
    act(() => {
      added = result.current.cart.addItem('sku-3')
    })
    await waitFor(() => expect(result.current.cart.isPending).toBe(true))
    expect(result.current.cart.isLoading).toBe(false)
    await act(() => added!)
    expect(result.current.cart).toMatchObject({ isPending: false, error: null })
  })

  it('shows a failed cart read as loadError, not as an item change error', async () => {
    mock.fail({ kind: 'http', status: 503 }, { path: '/api/checkout/pub/orderForm' })
    const { result } = renderStorefront()
    await waitFor(() => expect(result.current.cart.loadError).toMatchObject({ kind: 'http', status: 503 }))
    expect(result.current.cart).toMatchObject({ isLoading: false, error: null, orderForm: undefined })
  })
})

describe('useDeliveryPromise', () => {
  it('lists the pickup points near the region, writes the pickup point into public.facets, and the cart follows', async () => {
    await seedCart([['sku-4', 1], ['sku-3', 1]])
    const { result } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints.map(({ id }) => id)).toEqual(['rio-botafogo', 'rio-centro']))
    expect(result.current.promise).toMatchObject({ method: 'delivery', pickupPoint: undefined })
    await act(() => result.current.promise.setPickupPoint('rio-centro'))
    expect(mock.requests.filter(({ method }) => method === 'PATCH').at(-1)?.body).toEqual({
      public: { facets: { value: 'zip-code=22250040;country=BRA;pickupPoint=rio-centro' } },
    })
    expect(result.current.promise).toMatchObject({ method: 'pickup', pickupPoint: 'rio-centro', error: null })
    // The locker holds no grinder: unavailable, and out of the total.
    await waitFor(() => expect(result.current.cart.items.map(({ available }) => available)).toEqual([false, true]))
    expect(result.current.cart.total).toBe(price(RIO, 'sku-3'))
    expect(shippingWrites().at(-1)?.body).toMatchObject({
      logisticsInfo: [
        { itemIndex: 0, selectedDeliveryChannel: 'pickup-in-point', selectedSla: 'rio-centro' },
        { itemIndex: 1, selectedDeliveryChannel: 'pickup-in-point', selectedSla: 'rio-centro' },
      ],
    })
    await act(() => result.current.promise.setMethod('delivery'))
    await waitFor(() => expect(result.current.cart.items.map(({ available }) => available)).toEqual([true, true]))
    expect(result.current.promise.method).toBe('delivery')
  })

  it('refuses a pickup point that is not listed, before any request', async () => {
    const { result } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
    const before = mock.requests.length
    await act(() => expect(result.current.promise.setPickupPoint('sp-paulista')).rejects.toMatchObject({ kind: 'invalid-input' }))
    await act(() => expect(result.current.promise.setPickupPoint('a;b')).rejects.toMatchObject({ kind: 'invalid-input' }))
    await act(() => expect(result.current.promise.setMethod('drone' as 'pickup')).rejects.toMatchObject({ kind: 'invalid-input' }))
    expect(mock.requests).toHaveLength(before)
    expect(result.current.promise.error?.message).toBe('method must be "delivery" or "pickup", got "drone"')
    act(() => result.current.promise.reset())
    await waitFor(() => expect(result.current.promise.error).toBeNull())
  })

  it('drops a pickup point out of range once a new region is confirmed, then picks the nearest there', async () => {
    await seedCart([['sku-1', 1]])
    const { result } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
    await act(() => result.current.promise.setMethod('pickup'))
    expect(result.current.promise.pickupPoint).toBe('rio-botafogo')
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    await waitFor(() => expect(result.current.promise.method).toBe('delivery'))
    expect(mock.requests.filter(({ method }) => method === 'PATCH').at(-1)?.body).toEqual({ public: { facets: { value: 'zip-code=01310100;country=BRA' } } })
    await waitFor(() => expect(result.current.cart.orderForm?.shippingData?.logisticsInfo?.[0]?.selectedDeliveryChannel).toBe('delivery'))
    expect(result.current.cart.total).toBe(price(SAO_PAULO, 'sku-1'))
    await waitFor(() => expect(result.current.promise.pickupPoints.map(({ id }) => id)).toEqual(['sp-paulista']))
    await act(() => result.current.promise.setMethod('pickup'))
    expect(result.current.promise.pickupPoint).toBe('sp-paulista')
  })
  it("setMethod('pickup') while offline, the points not loaded yet: fails fast with a network SessionError and loses nothing", async () => {
    const { result, queryClient } = renderStorefront()
    await loaded(result)
    onlineManager.setOnline(false)
    // Writes are never paused offline: the region is written; the pickup points' read waits for the network.
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    const points = queryClient.getQueryCache().find({ queryKey: checkoutKeysFor('').pickupPoints({ country: 'BRA', postalCode: '22250040' }), exact: true })
    await waitFor(() => expect(points?.state.fetchStatus).toBe('paused'))
    // The browser has no network: any request it sends fails.
    mock.fail({ kind: 'network' }, { path: '/api/checkout/pub/pickup-points' })
    const mark = mock.requests.length
    let outcome: SessionError | 'resolved' | undefined
    act(() => {
      result.current.promise.setMethod('pickup').then(
        () => void (outcome = 'resolved'),
        (error: SessionError) => void (outcome = error),
      )
    })
    await waitFor(() => expect(outcome).toMatchObject({ name: 'SessionError', kind: 'network' }))
    // One attempt to list the points, no session write; the choice and the list stay as they were.
    expect(mock.requests.slice(mark).map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'GET', path: '/api/checkout/pub/pickup-points?postalCode=22250040&countryCode=BRA', body: undefined },
    ])
    await waitFor(() => expect(result.current.promise).toMatchObject({ method: 'delivery', pickupPoint: undefined, isPending: false, error: outcome }))
    expect(points?.state).toMatchObject({ fetchStatus: 'paused', data: undefined, error: null })
    // Back online, the paused read goes out and the same choice works.
    act(() => onlineManager.setOnline(true))
    await waitFor(() => expect(result.current.promise.pickupPoints.map(({ id }) => id)).toEqual(['rio-botafogo', 'rio-centro']))
    await act(() => result.current.promise.setMethod('pickup'))
    expect(result.current.promise).toMatchObject({ method: 'pickup', pickupPoint: 'rio-botafogo', error: null })
  })
})

describe('a region change that leaves the chosen pickup point out of range', () => {
  it('writes the cart once, for the new address only, and drops the point from the facets once', async () => {
    await seedCart([['sku-4', 1], ['sku-3', 1]])
    const { result, totals } = renderStorefront()
    await pickUpAtTheRioLocker(result)
    const atTheLocker = price(RIO, 'sku-3')
    expect(result.current.cart.total).toBe(atTheLocker)
    const writesBefore = shippingWrites().length
    const facetWritesBefore = facetWrites().length
    const since = totals.length
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    await waitFor(() => expect(result.current.promise.method).toBe('delivery'))
    const deliveredInSaoPaulo = Math.round((price(SAO_PAULO, 'sku-4') + price(SAO_PAULO, 'sku-3')) * 100) / 100
    await waitFor(() => expect(result.current.cart.total).toBe(deliveredInSaoPaulo))
    await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
    expect(shippingWrites().slice(writesBefore).map(({ body }) => body)).toEqual([
      {
        clearAddressIfPostalCodeNotFound: false,
        selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode: '01310100', geoCoordinates: [] }],
        logisticsInfo: [
          { itemIndex: 0, selectedDeliveryChannel: 'delivery' },
          { itemIndex: 1, selectedDeliveryChannel: 'delivery' },
        ],
      },
    ])
    expect(facetWrites().slice(facetWritesBefore).map(({ body }) => body)).toEqual([{ public: { facets: { value: 'zip-code=01310100;country=BRA' } } }])
    // Every minicart total rendered: the locker's, then São Paulo's delivered — never São Paulo's prices with the locker's stock.
    expect([...new Set(totals.slice(since))]).toEqual([atTheLocker, deliveredInSaoPaulo])
  })

  it.each([
    ['with <CartSync>', true],
    ['without <CartSync>', false],
  ])('drops the point with one PATCH however many delivery-promise readers are mounted (%s)', async (_, cartSync) => {
    await seedCart([['sku-4', 1], ['sku-3', 1]])
    const { result } = renderStorefront({ cartSync, otherDeliveryPromiseReaders: 2 })
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
    await act(() => result.current.promise.setPickupPoint('rio-centro'))
    const facetWritesBefore = facetWrites().length
    // The São Paulo points answer after the region is confirmed and its write settled: every reader sees them at once.
    mock.setLatency(({ path }) => (path.startsWith('/api/checkout/pub/pickup-points') ? 50 : 0))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    await waitFor(() => expect(result.current.promise.method).toBe('delivery'))
    await waitFor(() => expect(result.current.promise.pickupPoints.map(({ id }) => id)).toEqual(['sp-paulista']))
    // Writes go out one at a time: once a later one is answered, any drop queued before it was sent.
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    expect(facetWrites().slice(facetWritesBefore).map(({ body }) => body)).toEqual([{ public: { facets: { value: 'zip-code=01310100;country=BRA' } } }])
  })
})

describe('useDeliveryPromise when dropping an out-of-range point fails', () => {
  it('shows the typed error and keeps the pickup point it could not drop', async () => {
    const { result } = renderStorefront()
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
    await act(() => result.current.promise.setPickupPoint('rio-botafogo'))
    // The São Paulo pickup points answer late, so the fault below is in place before the drop's write.
    mock.setLatency(({ path }) => (path.startsWith('/api/checkout/pub/pickup-points') ? 100 : 0))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    mock.fail({ kind: 'http', status: 503 }, { method: 'PATCH' })
    await waitFor(() => expect(result.current.promise.syncError).toMatchObject({ kind: 'http', status: 503 }))
    // Not this hook's write: its own error stays clear.
    expect(result.current.promise.error).toBeNull()
    expect(result.current.promise.pickupPoint).toBe('rio-botafogo')
  })
})

describe("the provider's request settings", () => {
  it("sends the orderForm, shippingData and pickup-points requests through the provider client's fetch, with its headers", async () => {
    await seedCart([['sku-1', 1]])
    const sent: Array<{ method: string; path: string; store: string | null }> = []
    const storeFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href)
      sent.push({ method: init?.method ?? 'GET', path: url.pathname, store: new Headers(init?.headers).get('x-store') })
      return fetch(input, init)
    }
    const checkoutRequests = () => mock.requests.filter(({ path }) => path.startsWith('/api/checkout/'))
    const before = checkoutRequests().length
    const { result } = renderStorefront({ client: createSessionClient({ fetch: storeFetch, headers: { 'x-store': 'a' } }) })
    await loaded(result)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints).toHaveLength(2))
    await waitFor(() => expect(result.current.cart.total).toBe(price(RIO, 'sku-1')))
    const orderFormId = result.current.cart.orderForm!.orderFormId
    expect(sent).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/api/checkout/pub/orderForm', store: 'a' },
        { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/attachments/shippingData`, store: 'a' },
        { method: 'GET', path: '/api/checkout/pub/pickup-points', store: 'a' },
      ]),
    )
    // Every Checkout request the emulator saw went through it.
    expect(sent.filter(({ path }) => path.startsWith('/api/checkout/'))).toHaveLength(checkoutRequests().length - before)
  })
})

describe('useOrderForm', () => {
  it('reads two carts on one QueryClient when asked for two orderForm ids', async () => {
    // A read whose cookie names no cart creates one.
    const newCart = async (id: string) => {
      const { orderFormId } = (await (await fetch('http://localhost:3000/api/checkout/pub/orderForm', { headers: { cookie: 'checkout.vtex.com=' } })).json()) as OrderForm
      await api('POST', `/api/checkout/pub/orderForm/${orderFormId}/items`, { orderItems: [{ id, quantity: 1, seller: '1' }] })
      return orderFormId
    }
    const a = await newCart('sku-1')
    const b = await newCart('sku-3')
    expect(a).not.toBe(b)
    const queryClient = createTestQueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <SessionProvider>{children}</SessionProvider>
      </QueryClientProvider>
    )
    const { result } = renderHook(() => ({ a: useOrderForm({ orderFormId: a }), b: useOrderForm({ orderFormId: b }) }), { wrapper })
    await waitFor(() => {
      expect(result.current.a.orderForm?.orderFormId).toBe(a)
      expect(result.current.b.orderForm?.orderFormId).toBe(b)
    })
    expect(orderFormReads().map(({ path }) => path)).toEqual(expect.arrayContaining([`/api/checkout/pub/orderForm/${a}`, `/api/checkout/pub/orderForm/${b}`]))
    expect(result.current.a.items.map(({ id }) => id)).toEqual(['sku-1'])
    expect(result.current.b.items.map(({ id }) => id)).toEqual(['sku-3'])
    // A change to one cart leaves the other as it is.
    await act(() => result.current.a.addItem('sku-2'))
    expect(result.current.a.items.map(({ id }) => id)).toEqual(['sku-1', 'sku-2'])
    expect(result.current.b.items.map(({ id }) => id)).toEqual(['sku-3'])
  })
})

describe('createCheckoutClient', () => {
  it('checks its input before any request and maps failures to SessionErrors without the orderForm id', async () => {
    const client = createCheckoutClient({ baseUrl: 'http://localhost:3000' })
    const before = mock.requests.length
    await expect(client.getOrderForm({ orderFormId: '../sessions' })).rejects.toMatchObject({ kind: 'invalid-input' })
    await expect(client.addItems('abc', [])).rejects.toMatchObject({ kind: 'invalid-input' })
    await expect(client.setQuantity('abc', -1, 1)).rejects.toMatchObject({ kind: 'invalid-input' })
    expect(mock.requests).toHaveLength(before)
    const missing = 'ffffffffffffffffffffffffffffffff'
    const failure = await client.getOrderForm({ orderFormId: missing }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ kind: 'http', status: 404 })
    expect(String((failure as Error).message)).not.toContain(missing)
  })
})
