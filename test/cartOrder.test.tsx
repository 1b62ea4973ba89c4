import { onlineManager } from '@tanstack/react-query'
import { act, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { checkoutKeysFor } from '../src/checkout/index'
import { type SessionError } from '../src/index'
import { demoPricesFor } from '../src/testing/index'
import { holdNextAnswer, orderFormReads, seedCart, shippingWrites } from './cartHarness'
import { caughtUp, cartChanges, loaded, renderStorefront, statesShown } from './cartStorefront'
import { mock } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const price = (regionId: string | null, id: string) => demoPricesFor({ regionId, priceTables: null, campaigns: null }).find((product) => product.id === id)!.price
const cents = (amount: number) => Math.round(amount * 100)

afterEach(() => onlineManager.setOnline(true))

const requestsOf = (requests: typeof mock.requests) => requests.map(({ method, path, body }) => ({ method, path, body }))

describe('the cart: every change in order, the minicart never losing one', () => {
  it('an item added while <CartSync> writes the shipping data stays in the minicart when that answer (sent first) lands last', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    // The Checkout applies the shipping data at once; its answer (the cart without the mug) lands last.
    const releaseShipping = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/attachments/shippingData')
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(shippingWrites()).toHaveLength(1))
    let added: Promise<void> | undefined
    act(() => void (added = result.current.mugCard.addItem('sku-3')))
    await waitFor(() => expect(minicart.at(-1)).toContain('sku-3'))
    act(() => releaseShipping())
    await act(() => added!)
    await waitFor(() => expect(result.current.cart.isSyncing).toBe(false))
    await caughtUp(result, queryClient)

    const beans = price(null, 'sku-1')
    const rioTotal = (cents(price(RIO, 'sku-1')) + cents(price(RIO, 'sku-3'))) / 100
    expect(statesShown(minicart, since)).toEqual([
      `1×sku-1 ${beans} | total ${beans}`,
      // Shown at once, priced by the Checkout's answer; the shipping answer repaints the beans under it.
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way) | total ${beans}`,
      `1×sku-1 ${price(RIO, 'sku-1')}, 1×sku-3 0 (on its way) | total ${price(RIO, 'sku-1')}`,
      `1×sku-1 ${price(RIO, 'sku-1')}, 1×sku-3 ${price(RIO, 'sku-3')} | total ${rioTotal}`,
    ])
    // The Checkout got them in the order they were made, and holds both.
    expect(requestsOf(cartChanges())).toEqual([
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items`, body: { orderItems: [{ id: 'sku-1', quantity: 1, seller: '1' }] } },
      {
        method: 'POST',
        path: `/api/checkout/pub/orderForm/${orderFormId}/attachments/shippingData`,
        body: {
          clearAddressIfPostalCodeNotFound: false,
          selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode: '22250040', geoCoordinates: [] }],
          logisticsInfo: [{ itemIndex: 0, selectedDeliveryChannel: 'delivery' }],
        },
      },
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items`, body: { orderItems: [{ id: 'sku-3', quantity: 1, seller: '1' }] } },
    ])
  })

  it('two items added quickly from two product cards, the first answer landing last: both stay in the minicart', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    const releaseFirst = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/items')
    let mug: Promise<void> | undefined
    let grinder: Promise<void> | undefined
    act(() => void (mug = result.current.mugCard.addItem('sku-3')))
    await waitFor(() => expect(cartChanges()).toHaveLength(2))
    act(() => void (grinder = result.current.grinderCard.addItem('sku-4')))
    await waitFor(() => expect(minicart.at(-1)).toContain('sku-4'))
    act(() => releaseFirst())
    await act(() => Promise.all([mug, grinder]))
    await caughtUp(result, queryClient)

    const [beans, mugPrice, grinderPrice] = [price(null, 'sku-1'), price(null, 'sku-3'), price(null, 'sku-4')]
    expect(statesShown(minicart, since)).toEqual([
      `1×sku-1 ${beans} | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way), 1×sku-4 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 ${mugPrice}, 1×sku-4 0 (on its way) | total ${(cents(beans) + cents(mugPrice)) / 100}`,
      `1×sku-1 ${beans}, 1×sku-3 ${mugPrice}, 1×sku-4 ${grinderPrice} | total ${(cents(beans) + cents(mugPrice) + cents(grinderPrice)) / 100}`,
    ])
    expect(requestsOf(cartChanges().slice(1))).toEqual([
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items`, body: { orderItems: [{ id: 'sku-3', quantity: 1, seller: '1' }] } },
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items`, body: { orderItems: [{ id: 'sku-4', quantity: 1, seller: '1' }] } },
    ])
  })
})

describe('the cart engine keeps the order against reads and failures', () => {
  it('a cart read that started before an item change and lands after its answer is dropped: the minicart keeps the item', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    const mark = mock.requests.length
    // A refetch (window focus, an invalidation) the Checkout answers before the mug is added; that answer lands last.
    const releaseRead = holdNextAnswer('get', '*/api/checkout/pub/orderForm/:id')
    let refetched: Promise<unknown> | undefined
    act(() => void (refetched = queryClient.refetchQueries({ queryKey: checkoutKeysFor('').orderForm(), exact: true })))
    await waitFor(() => expect(orderFormReads().length).toBeGreaterThan(orderFormReads().filter(({ path }) => path === '/api/checkout/pub/orderForm').length))
    await act(() => result.current.mugCard.addItem('sku-3'))
    act(() => releaseRead())
    await act(() => refetched!)
    await caughtUp(result, queryClient)

    const [beans, mug] = [price(null, 'sku-1'), price(null, 'sku-3')]
    expect(statesShown(minicart, since)).toEqual([
      `1×sku-1 ${beans} | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 ${mug} | total ${(cents(beans) + cents(mug)) / 100}`,
    ])
    expect(requestsOf(mock.requests.slice(mark))).toEqual([
      { method: 'GET', path: `/api/checkout/pub/orderForm/${orderFormId}`, body: undefined },
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items`, body: { orderItems: [{ id: 'sku-3', quantity: 1, seller: '1' }] } },
    ])
  })

  it('quantity changes show at once, the total moved by their price; each is sent for the line it was made on', async () => {
    const orderFormId = await seedCart([['sku-1', 2], ['sku-3', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    const releaseFirst = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/items/update')
    let removed: Promise<void> | undefined
    act(() => void (removed = result.current.cart.setQuantity(0, 0)))
    await waitFor(() => expect(minicart.at(-1)).toMatch(/^1×sku-3/))
    // The mug is the first line shown now: three of it, while the removal is still on its way.
    let mugs: Promise<void> | undefined
    act(() => void (mugs = result.current.cart.setQuantity(0, 3)))
    act(() => releaseFirst())
    await act(() => Promise.all([removed, mugs]))
    await caughtUp(result, queryClient)

    const [beans, mug] = [price(null, 'sku-1'), price(null, 'sku-3')]
    expect(statesShown(minicart, since)).toEqual([
      `2×sku-1 ${beans}, 1×sku-3 ${mug} | total ${(2 * cents(beans) + cents(mug)) / 100}`,
      `1×sku-3 ${mug} | total ${mug}`,
      `3×sku-3 ${mug} (on its way) | total ${(3 * cents(mug)) / 100}`,
      `3×sku-3 ${mug} | total ${(3 * cents(mug)) / 100}`,
    ])
    expect(requestsOf(cartChanges().slice(1))).toEqual([
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items/update`, body: { orderItems: [{ index: 0, quantity: 0 }] } },
      { method: 'POST', path: `/api/checkout/pub/orderForm/${orderFormId}/items/update`, body: { orderItems: [{ index: 0, quantity: 3 }] } },
    ])
  })

  it('a change the Checkout refuses leaves the last good cart and its own error; the change queued behind it still goes', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    mock.fail({ kind: 'http', status: 503 }, { path: `/api/checkout/pub/orderForm/${orderFormId}/items` })
    const releaseFirst = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/items')
    let mug: Promise<unknown> | undefined
    act(() => void (mug = result.current.mugCard.addItem('sku-3').catch((error: unknown) => error)))
    await waitFor(() => expect(cartChanges()).toHaveLength(2))
    let grinder: Promise<void> | undefined
    act(() => void (grinder = result.current.grinderCard.addItem('sku-4')))
    act(() => releaseFirst())
    await act(() => grinder!)
    expect(await mug).toMatchObject({ name: 'SessionError', kind: 'http', status: 503 })
    await caughtUp(result, queryClient)

    const [beans, grinderPrice] = [price(null, 'sku-1'), price(null, 'sku-4')]
    expect(statesShown(minicart, since)).toEqual([
      `1×sku-1 ${beans} | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-3 0 (on its way), 1×sku-4 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-4 0 (on its way) | total ${beans}`,
      `1×sku-1 ${beans}, 1×sku-4 ${grinderPrice} | total ${(cents(beans) + cents(grinderPrice)) / 100}`,
    ])
    expect(result.current.mugCard.error).toMatchObject({ kind: 'http', status: 503 })
    expect(result.current.grinderCard.error).toBeNull()
    expect(result.current.cart).toMatchObject({ error: null, loadError: null, syncError: null })
    expect(requestsOf(cartChanges().slice(1)).map(({ body }) => body)).toEqual([{ orderItems: [{ id: 'sku-3', quantity: 1, seller: '1' }] }, { orderItems: [{ id: 'sku-4', quantity: 1, seller: '1' }] }])
  })

  it('an item added offline before the cart has loaded fails fast with a network SessionError; back online, nothing is lost', async () => {
    await seedCart([['sku-1', 1]])
    onlineManager.setOnline(false)
    const { result, queryClient } = renderStorefront()
    const cartQuery = queryClient.getQueryCache().find({ queryKey: checkoutKeysFor('').orderForm(), exact: true })
    await waitFor(() => expect(cartQuery?.state.fetchStatus).toBe('paused'))
    mock.fail({ kind: 'network' }, { path: '/api/checkout/pub/orderForm' })
    const mark = mock.requests.length
    let outcome: SessionError | 'resolved' | undefined
    act(() => {
      result.current.mugCard.addItem('sku-3').then(
        () => void (outcome = 'resolved'),
        (error: SessionError) => void (outcome = error),
      )
    })
    await waitFor(() => expect(outcome).toMatchObject({ name: 'SessionError', kind: 'network' }))
    expect(requestsOf(mock.requests.slice(mark))).toEqual([{ method: 'GET', path: '/api/checkout/pub/orderForm', body: undefined }])
    await waitFor(() => expect(result.current.mugCard).toMatchObject({ isPending: false, error: outcome, isLoading: true }))
    act(() => onlineManager.setOnline(true))
    await waitFor(() => expect(result.current.cart.items.map(({ id }) => id)).toEqual(['sku-1']))
    await act(() => result.current.mugCard.addItem('sku-3'))
    expect(result.current.cart.items.map(({ id }) => id)).toEqual(['sku-1', 'sku-3'])
  })
})
