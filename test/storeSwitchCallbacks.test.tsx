import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { SessionProvider, useUpdateSession } from '../src/index'
import { createSessionManagerMock } from '../src/testing/index'
import { createTestQueryClient, server, sessionRequests } from './harness'

describe('a store switch while useUpdateSession’s write is out', () => {
  it('the callbacks given to mutate() still run, and the hook still shows the write it started', async () => {
    const storeB = createSessionManagerMock({ baseUrl: 'http://store-b.test' })
    server.use(...storeB.handlers)
    const queryClient = createTestQueryClient()
    let switchStore!: () => void
    function Switchable({ children }: { children: ReactNode }) {
      const [baseUrl, setBaseUrl] = useState('')
      switchStore = () => setBaseUrl('http://store-b.test')
      return (
        <QueryClientProvider client={queryClient}>
          <SessionProvider baseUrl={baseUrl}>{children}</SessionProvider>
        </QueryClientProvider>
      )
    }
    const { result } = renderHook(() => useUpdateSession(), {
      wrapper: Switchable,
    })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const onSettled = vi.fn()
    act(() => {
      result.current.mutate({ utm_campaign: 'for-store-a' }, { onSettled })
      switchStore()
    })
    // The new mutationKey makes MutationObserver.setOptions call reset(): the observer leaves the
    // pending mutation, so isPending drops at once and mutate()'s own callbacks are never called.
    const pendingAfterSwitch = result.current.isPending
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect({
      onSettled: onSettled.mock.calls.length,
      pendingAfterSwitch,
    }).toEqual({ onSettled: 1, pendingAfterSwitch: true })
  })
})
