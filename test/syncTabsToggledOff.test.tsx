import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { SessionProvider, usePublicField } from '../src/index'
import { createTestQueryClient, createWrapper, sessionRequests } from './harness'

/** A tab whose provider's syncTabs prop the app can flip (a "keep this tab independent" setting, a checkout route). */
function tabWithToggle() {
  const queryClient = createTestQueryClient()
  let setSync!: (sync: boolean) => void
  function Wrapper({ children }: { children: ReactNode }) {
    const [syncTabs, set] = useState(true)
    setSync = set
    return (
      <QueryClientProvider client={queryClient}>
        <SessionProvider syncTabs={syncTabs}>{children}</SessionProvider>
      </QueryClientProvider>
    )
  }
  const rendered = renderHook(() => usePublicField('utm_campaign'), { wrapper: Wrapper })
  return { ...rendered, setSync: (sync: boolean) => act(() => setSync(sync)), queryClient }
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)))

describe('syncTabs switched off while mounted', () => {
  it('a tab whose provider now says syncTabs={false} no longer takes the other tabs’ writes', async () => {
    const isolated = tabWithToggle()
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const other = renderHook(() => usePublicField('utm_campaign'), createWrapper())
    await waitFor(() => expect(other.result.current[1]).toBeDefined())
    isolated.setSync(false)
    await act(() => other.result.current[1]('from-the-other-tab'))
    await settle()
    expect(isolated.result.current[0]).toBeUndefined()
  })

  it('a tab whose provider now says syncTabs={false} no longer posts its writes to the other tabs', async () => {
    const isolated = tabWithToggle()
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const other = renderHook(() => usePublicField('utm_campaign'), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(2))
    isolated.setSync(false)
    await act(() => isolated.result.current[1]('from-the-isolated-tab'))
    await settle()
    expect(other.result.current[0]).toBeUndefined()
  })
})
