import { act, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { OrderForm } from '../src/checkout/index'
import { api, holdNextAnswer, seedCart } from './cartHarness'
import { caughtUp, cartChanges, loaded, renderStorefront, statesShown } from './cartStorefront'
import { mock, server } from './harness'

describe('the cart engine at its edges', () => {
  it('a refused add followed by a second change from the same minicart: the refusal must still show as the hook error', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, queryClient } = renderStorefront()
    await loaded(result)
    mock.fail({ kind: 'http', status: 400 }, { path: `/api/checkout/pub/orderForm/${orderFormId}/items` })
    const releaseFirst = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/items')
    let first: Promise<unknown> | undefined
    act(() => void (first = result.current.cart.addItem('sku-3').catch((error: unknown) => error)))
    await waitFor(() => expect(cartChanges()).toHaveLength(2))
    let second: Promise<void> | undefined
    act(() => void (second = result.current.cart.setQuantity(0, 2)))
    act(() => releaseFirst())
    expect(await first).toMatchObject({ kind: 'http', status: 400 })
    await act(() => second!)
    await caughtUp(result, queryClient)
    // The mug vanished from the minicart: the shopper must be told why.
    expect(result.current.cart.items.map(({ id }) => id)).toEqual(['sku-1'])
    expect(result.current.cart.error).toMatchObject({ kind: 'http', status: 400 })
  })

  it('a refused add of a SKU with a second add of it queued: the minicart never shows a quantity the Checkout will not hold', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, minicart, queryClient } = renderStorefront()
    await loaded(result)
    const since = minicart.length - 1
    mock.fail({ kind: 'http', status: 400 }, { path: `/api/checkout/pub/orderForm/${orderFormId}/items` })
    const releaseFirst = holdNextAnswer('post', '*/api/checkout/pub/orderForm/:id/items')
    let first: Promise<unknown> | undefined
    act(() => void (first = result.current.mugCard.addItem('sku-1').catch((error: unknown) => error)))
    await waitFor(() => expect(cartChanges()).toHaveLength(2))
    let second: Promise<void> | undefined
    act(() => void (second = result.current.grinderCard.addItem('sku-1')))
    await waitFor(() => expect(minicart.at(-1)).toMatch(/^3×sku-1/))
    const beforeRefusal = minicart.length
    act(() => releaseFirst())
    expect(await first).toMatchObject({ status: 400 })
    await act(() => second!)
    await caughtUp(result, queryClient)
    // The Checkout holds 1, then 2: after the refusal the minicart must not keep showing 3.
    expect(result.current.cart.items.map(({ quantity }) => quantity)).toEqual([2])
    const afterRefusal = statesShown(minicart, beforeRefusal)
    expect(afterRefusal.filter((state) => state.startsWith('3×sku-1'))).toEqual([])
    expect(statesShown(minicart, since).map((state) => state.split(' ')[0])).toEqual(['1×sku-1', '2×sku-1', '3×sku-1', '2×sku-1', '2×sku-1'])
  })

  it('two lines of one SKU (a split or an attachment): setQuantity(1, 0) removes the second line, not the first', async () => {
    const orderFormId = await seedCart([
      ['sku-1', 1],
      ['sku-3', 1],
    ])
    // The Checkout splits sku-1 into two lines (e.g. a promotion on one unit / an engraving attachment).
    const split = (form: OrderForm): OrderForm => {
      const beans = form.items[0]!
      return { ...form, items: [beans, { ...beans, quantity: 1, sellingPrice: 1, price: 1 }, ...form.items.slice(1)] }
    }
    const updates: unknown[] = []
    server.use(
      http.get('*/api/checkout/pub/orderForm', async ({ request, cookies }) => HttpResponse.json(split(await (await mock.respond(request, cookies))!.json()))),
      http.post('*/api/checkout/pub/orderForm/:id/items/update', async ({ request }) => {
        const body = (await request.json()) as { orderItems: Array<{ index: number; quantity: number }> }
        updates.push(body)
        const form = split(await api('GET', `/api/checkout/pub/orderForm/${orderFormId}`))
        const items = form.items.filter((_, at) => at !== body.orderItems[0]!.index)
        return HttpResponse.json({ ...form, items })
      }),
    )
    const { result, minicart } = renderStorefront()
    await waitFor(() => expect(result.current.cart.items).toHaveLength(3))
    expect(result.current.cart.items.map(({ price }) => price)).toEqual([result.current.cart.items[0]!.price, 0.01, result.current.cart.items[2]!.price])
    const since = minicart.length
    await act(() => result.current.cart.setQuantity(1, 0))
    expect(updates).toEqual([{ orderItems: [{ index: 1, quantity: 0 }] }])
    // While on its way the minicart removed the line the shopper clicked (0.01), not the other one.
    expect(statesShown(minicart, since)[0]).not.toContain('0.01')
    expect(statesShown(minicart, since)[0]).toContain('1×sku-1 103.39')
  })
})
