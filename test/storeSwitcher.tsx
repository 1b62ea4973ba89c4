import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { SessionProvider } from '../src/index'
import { createSessionManagerMock } from '../src/testing/index'
import { createTestQueryClient, server } from './harness'

/** Store B's origin: a second emulator, answering beside the default one. */
export const STORE_B = 'http://store-b.test'

/**
 * A page with a store switcher: the provider starts on the default store and `switchStore()`
 * moves it to store B (whose emulator records its own requests).
 */
export function storeSwitcher() {
  const storeB = createSessionManagerMock({ baseUrl: STORE_B })
  server.use(...storeB.handlers)
  const queryClient = createTestQueryClient()
  const control = { switchStore: () => {} }
  function Switchable({ children }: { children: ReactNode }) {
    const [baseUrl, setBaseUrl] = useState('')
    control.switchStore = () => setBaseUrl(STORE_B)
    return (
      <QueryClientProvider client={queryClient}>
        <SessionProvider baseUrl={baseUrl}>{children}</SessionProvider>
      </QueryClientProvider>
    )
  }
  return { storeB, queryClient, wrapper: Switchable, switchStore: () => control.switchStore() }
}
