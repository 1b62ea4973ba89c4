import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { useEffect, useState, type ReactNode } from 'react'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { refreshSession, SessionProvider, useRegion, useSessionSource, type RegionInput } from 'vtex-session-react'
import { CartSync, useOrderForm } from 'vtex-session-react/checkout'
import { createSessionManagerMock } from 'vtex-session-react/testing'
import { median, saveResults } from './results.mjs'
import { settle as settleEmulator } from './settle'

// Issue 14's budget: per region change with a cart, the session requests as without one, at most
// one shippingData write and no orderForm read; no write when nothing changed.
const RUNS = 21
const LATENCY_MS = 50
const mock = createSessionManagerMock()
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const count = (since: number, test: (request: { method: string; path: string }) => boolean) => mock.requests.slice(since).filter(test).length
const sessionRequests = (since: number) => count(since, ({ path }) => /^\/api\/(sessions|segments)/.test(path))
const shippingWrites = (since: number) => count(since, ({ method, path }) => method === 'POST' && path.endsWith('/attachments/shippingData'))
const orderFormReads = (since: number) => count(since, ({ method, path }) => method === 'GET' && path.startsWith('/api/checkout/pub/orderForm'))

const api = (method: string, path: string, body?: unknown) =>
  fetch(path, { method, credentials: 'include', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((response) => response.json())

async function seedCart() {
  const { orderFormId } = (await api('GET', '/api/checkout/pub/orderForm')) as { orderFormId: string }
  await api('POST', `/api/checkout/pub/orderForm/${orderFormId}/items`, { orderItems: [{ id: 'sku-1', quantity: 2, seller: '1' }, { id: 'sku-4', quantity: 1, seller: '1' }] })
}

let setRegionNow: (input: RegionInput) => Promise<void> = async () => {}
let queryClientNow: QueryClient | undefined

function Controls() {
  const { setRegion } = useRegion()
  const { queryClient } = useSessionSource()
  useEffect(() => {
    setRegionNow = setRegion
    queryClientNow = queryClient
  }, [setRegion, queryClient])
  return null
}

function MiniCartTotal() {
  const { total } = useOrderForm()
  return <p data-testid="total">{total ?? ''}</p>
}

function Storefront({ children }: { children?: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <CartSync />
        <Controls />
        <MiniCartTotal />
        {children}
      </SessionProvider>
    </QueryClientProvider>
  )
}

const settle = () => settleEmulator(mock, LATENCY_MS * 3 + 30)

async function freshStorefront(latency = 0) {
  cleanup()
  mock.reset()
  mock.setLatency(latency)
  await seedCart()
  render(<Storefront />)
  await settle()
}

const totalShown = () => screen.getByTestId('total').textContent ?? ''
const REGIONS: RegionInput[] = [
  { country: 'BRA', postalCode: '22250-040' },
  { country: 'BRA', postalCode: '01310-100' },
]

describe('cart benchmark', () => {
  it('counts requests per region change with a cart', async () => {
    const cart: Record<string, { session: number; shippingDataWrites: number; orderFormReads: number }> = {}
    const measure = async (scenario: string, action: () => Promise<unknown>) => {
      const since = mock.requests.length
      await act(action)
      await settle()
      cart[scenario] = { session: sessionRequests(since), shippingDataWrites: shippingWrites(since), orderFormReads: orderFormReads(since) }
    }

    await freshStorefront()
    await measure('per setRegion, with `<CartSync>` and a minicart', () => setRegionNow(REGIONS[0]!))
    await measure('the same region again', () => setRegionNow(REGIONS[0]!))
    await measure('a session refetch (refreshSession), nothing changed', () => refreshSession(queryClientNow!))

    cleanup()
    mock.reset()
    const session = (await api('PATCH', '/api/sessions?items=*', { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } } })) as { id: string }
    mock.logIn(session.id, {
      email: 'ana@example.com',
      address: { addressId: 'home', postalCode: '22250-040', country: 'BRA', city: 'Rio de Janeiro', state: 'RJ', street: 'Praia de Botafogo', number: '300', receiverName: 'Ana' },
    })
    await seedCart()
    await measure('logged-in shopper with a saved postal code: mount', async () => render(<Storefront />))
    await measure('… then 3 session refetches', async () => {
      for (let round = 0; round < 3; round++) await refreshSession(queryClientNow!)
    })
    cleanup()
    await measure('… then a page load (new QueryClient)', async () => render(<Storefront />))
    saveResults('cart', cart)
  })

  it(`times setRegion → minicart re-priced, ${LATENCY_MS} ms per request, median of ${RUNS}`, async () => {
    const times: number[] = []
    for (let run = 0; run < RUNS; run++) {
      await freshStorefront(LATENCY_MS)
      const before = totalShown()
      const started = performance.now()
      void setRegionNow(REGIONS[run % 2]!)
      await waitFor(() => {
        if (totalShown() === before) throw new Error('not yet')
      }, { interval: 1, timeout: 10_000 })
      times.push(performance.now() - started)
    }
    saveResults('cartTiming', { latencyMs: LATENCY_MS, runs: RUNS, medianMs: Math.round(median(times)) })
  })
})
