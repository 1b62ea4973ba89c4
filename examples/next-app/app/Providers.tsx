'use client'

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { SessionProvider, utmCapture } from 'vtex-session-react'

/** One QueryClient per browser tab; the server's prefetched session, segment and prices hydrate it. A landing URL's UTM values are sent after hydration (captureUtm={utmCapture}). */
export function Providers({ state, children }: { state: DehydratedState; children: ReactNode }) {
  // Data from the server is fresh: no refetch on mount.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider captureUtm={utmCapture}>{children}</SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
