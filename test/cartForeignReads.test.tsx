import { dehydrate, hashKey, hydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { CartSync, checkoutKeysFor, createCheckoutClient, useOrderForm, type OrderForm } from '../src/checkout/index'
import { SessionProvider } from '../src/index'
import { api, orderFormReads, seedCart } from './cartHarness'
import { createTestQueryClient, mock } from './harness'

const key = checkoutKeysFor('').orderForm()
const ids = (orderForm: OrderForm | undefined) => orderForm?.items.map(({ id, quantity }) => `${quantity}×${id}`)

function renderCart(extra?: ReactNode, options: Parameters<typeof useOrderForm>[0] = {}) {
  const queryClient = createTestQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        {extra}
        {children}
      </SessionProvider>
    </QueryClientProvider>
  )
  return { ...renderHook(() => useOrderForm(options), { wrapper }), queryClient }
}

describe('the cart engine and reads it did not make', () => {
  it('a streamed SSR cart (hydrate with a pending query) lands in the minicart, not painted back to the older cart', async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, queryClient } = renderCart()
    await waitFor(() => expect(ids(result.current.orderForm)).toEqual(['1×sku-1']))
    // Another tab (or the server) adds an item; the next page's server component streams the cart.
    await api('POST', `/api/checkout/pub/orderForm/${orderFormId}/items`, { orderItems: [{ id: 'sku-2', quantity: 1, seller: '1' }] })
    const server = new QueryClient()
    void server.prefetchQuery({ queryKey: key, queryFn: () => createCheckoutClient({ baseUrl: 'http://localhost:3000' }).getOrderForm() })
    const streamed = dehydrate(server, { shouldDehydrateQuery: () => true })
    expect(streamed.queries[0]?.state.status).toBe('pending')
    // dehydratedAt later than the browser's copy, as it is for a page rendered after it.
    streamed.queries[0]!.dehydratedAt = Date.now() + 60_000
    act(() => hydrate(queryClient, streamed))
    await act(async () => {
      await streamed.queries[0]!.promise
      await queryClient.getQueryCache().get(hashKey(key))!.promise
    })
    // React Query stored the streamed cart; the engine then painted its own older cart over it.
    expect(ids(queryClient.getQueryData<OrderForm>(key))).toEqual(['1×sku-1', '1×sku-2'])
  })

  it("the app's own fetch of the cart key (public checkoutKeysFor, e.g. a route loader) is kept, not painted back", async () => {
    const orderFormId = await seedCart([['sku-1', 1]])
    const { result, queryClient } = renderCart()
    await waitFor(() => expect(ids(result.current.orderForm)).toEqual(['1×sku-1']))
    await api('POST', `/api/checkout/pub/orderForm/${orderFormId}/items`, { orderItems: [{ id: 'sku-2', quantity: 1, seller: '1' }] })
    const client = createCheckoutClient({ baseUrl: 'http://localhost:3000' })
    const fetched = await act(() => queryClient.fetchQuery({ queryKey: key, queryFn: () => client.getOrderForm(), staleTime: 0 }))
    expect(ids(fetched)).toEqual(['1×sku-1', '1×sku-2'])
    expect(ids(queryClient.getQueryData<OrderForm>(key))).toEqual(['1×sku-1', '1×sku-2'])
  })

  it('useOrderForm({ client }) writes with its own client even when <CartSync> (default client) made the engine first', async () => {
    await seedCart([['sku-1', 1]])
    const viaCustom: string[] = []
    const custom = createCheckoutClient({
      fetch: (input, init) => {
        viaCustom.push(`${init?.method ?? 'GET'} ${new URL(String(input), 'http://localhost:3000').pathname}`)
        return fetch(input, init)
      },
    })
    const { result } = renderCart(<CartSync />, { client: custom })
    await waitFor(() => expect(result.current.orderForm).toBeDefined())
    await act(() => result.current.addItem('sku-2'))
    expect(viaCustom.filter((call) => call.startsWith('POST'))).toEqual([expect.stringMatching(/\/items$/)])
  })

  it('a streamed SSR cart hydrated before the first hook renders: addItem paints at once and costs no extra GET', async () => {
    await seedCart([['sku-1', 1]])
    const server = new QueryClient()
    void server.prefetchQuery({ queryKey: key, queryFn: () => createCheckoutClient({ baseUrl: 'http://localhost:3000' }).getOrderForm() })
    const streamed = dehydrate(server, { shouldDehydrateQuery: () => true })
    const queryClient = createTestQueryClient()
    hydrate(queryClient, streamed)
    await streamed.queries[0]!.promise
    await queryClient.getQueryCache().get(hashKey(key))!.promise
    const readsBefore = orderFormReads().length
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <SessionProvider>{children}</SessionProvider>
      </QueryClientProvider>
    )
    const { result } = renderHook(() => useOrderForm(), { wrapper })
    expect(ids(result.current.orderForm)).toEqual(['1×sku-1'])
    let added: Promise<void> | undefined
    // The Checkout answers the add late: what shows meanwhile is the paint.
    mock.setLatency(({ method, path }) => (method === 'POST' && path.endsWith('/items') ? 200 : 0))
    act(() => void (added = result.current.addItem('sku-1')))
    // Painted at once, as for a cart the browser read itself.
    await waitFor(() => expect(result.current.items.map(({ quantity, pending }) => `${quantity}${pending ? ' pending' : ''}`)).toEqual(['2 pending']))
    await act(() => added!)
    expect(orderFormReads().length - readsBefore).toBe(0)
  })
})
