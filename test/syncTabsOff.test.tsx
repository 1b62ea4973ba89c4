import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { SessionProvider, useRegion } from '../src/index'
import { createTestQueryClient, createWrapper } from './harness'

describe('<SessionProvider syncTabs={false}> after it was on', () => {
  it('turning syncTabs off stops the tab hearing the others (as a provider mounted with it off does)', async () => {
    const sender = renderHook(() => useRegion(), createWrapper())
    await waitFor(() => expect(sender.result.current.isLoading).toBe(false))
    // A tab that syncs, then turns it off (a checkout step that must not move under the shopper).
    const queryClient = createTestQueryClient()
    let stopSync!: () => void
    function Tab({ children }: { children: ReactNode }) {
      const [syncTabs, setSyncTabs] = useState(true)
      stopSync = () => setSyncTabs(false)
      return (
        <QueryClientProvider client={queryClient}>
          <SessionProvider syncTabs={syncTabs}>{children}</SessionProvider>
        </QueryClientProvider>
      )
    }
    const receiver = renderHook(() => useRegion(), { wrapper: Tab })
    await waitFor(() => expect(receiver.result.current.isLoading).toBe(false))
    act(() => stopSync())
    await act(() =>
      sender.result.current.setRegion({
        country: 'BRA',
        postalCode: '22250-040',
      }),
    )
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    // The channel's disconnect keeps it open while the cache holds the session, whatever the prop says.
    expect(receiver.result.current.regionId).toBeUndefined()
  })
})
