import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { SessionProvider, useRegion } from '../src/index'
import { usePlaceAddress } from '../src/checkout/index'
import { useProduct, useProductSearch } from '../src/search/index'
import { createTestQueryClient } from './harness'

// The documented micro-frontend set-up: <SessionProvider queryClient={…}> with no
// <QueryClientProvider> above it. Every hook of every entry uses the provider's QueryClient.

function withOwnQueryClient() {
  const queryClient = createTestQueryClient()
  return ({ children }: { children: ReactNode }) => <SessionProvider queryClient={queryClient}>{children}</SessionProvider>
}

describe('hooks under <SessionProvider queryClient> with no QueryClientProvider', () => {
  it('useProductSearch and useProduct answer with the provider’s QueryClient', async () => {
    const { result } = renderHook(() => ({ search: useProductSearch({ count: 2 }), product: useProduct({ field: 'id', value: '2' }) }), { wrapper: withOwnQueryClient() })
    await waitFor(() => expect(result.current.search.data?.products.length).toBe(2))
    await waitFor(() => expect(result.current.product.data?.productId).toBe('2'))
  })

  it('usePlaceAddress names the confirmed place with the provider’s QueryClient', async () => {
    const { result } = renderHook(() => ({ region: useRegion(), place: usePlaceAddress() }), { wrapper: withOwnQueryClient() })
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    await result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' })
    await waitFor(() => expect(result.current.place.address?.neighborhood).toBe('Botafogo'))
  })
})
