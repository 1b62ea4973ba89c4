'use client'

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { SessionProvider } from 'vtex-session-react'

/** One QueryClient per browser tab; the server's prefetched session, segment and prices hydrate it. A landing URL's UTM values are sent after hydration (captureUtm). */
export function Providers({ state, children }: { state: DehydratedState; children: ReactNode }) {
  // Data from the server is fresh: no refetch on mount.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider captureUtm>{children}</SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
