import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect } from 'vitest'
import { CartSync, checkoutKeysFor, useOrderForm, type CartLine } from '../src/checkout/index'
import { SessionProvider, useRegion } from '../src/index'
import { createTestQueryClient, mock } from './harness'

/** What a minicart line shows: quantity, SKU, unit price, and whether a change to it is still on its way. */
const shown = ({ id, quantity, price, pending }: CartLine) => `${quantity}×${id} ${price}${pending ? ' (on its way)' : ''}`

/** The page: `<CartSync>`, a minicart, two product cards with their own `useOrderForm()`, and the region picker. */
export function renderStorefront() {
  const queryClient = createTestQueryClient()
  /** Every minicart the page rendered, in order: its lines and its total. */
  const minicart: string[] = []
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <CartSync />
        {children}
      </SessionProvider>
    </QueryClientProvider>
  )
  const rendered = renderHook(
    () => {
      const cart = useOrderForm()
      minicart.push(`${cart.items.map(shown).join(', ')} | total ${cart.total}`)
      return { cart, mugCard: useOrderForm(), grinderCard: useOrderForm(), region: useRegion() }
    },
    { wrapper },
  )
  return { ...rendered, minicart, queryClient }
}

export type Page = ReturnType<typeof renderStorefront>['result']

/** The minicart has rendered whatever the cache holds now (React Query tells components on a later tick). */
export async function caughtUp(result: Page, queryClient: QueryClient) {
  await waitFor(() => expect(result.current.cart.orderForm).toBe(queryClient.getQueryData(checkoutKeysFor('').orderForm())))
}

export async function loaded(result: Page) {
  await waitFor(() => expect(result.current.cart.orderForm).toBeDefined())
  await waitFor(() => expect(result.current.region.isLoading).toBe(false))
}

/** The minicart's renders from `since` on, each state once (React renders one state several times). */
export const statesShown = (minicart: readonly string[], since = 0) => minicart.slice(since).filter((state, index, all) => index === 0 || state !== all[index - 1])
/** The Checkout's cart changes (POST), in the order they were sent. */
export const cartChanges = () => mock.requests.filter(({ method, path }) => method === 'POST' && path.startsWith('/api/checkout/pub/orderForm/'))
