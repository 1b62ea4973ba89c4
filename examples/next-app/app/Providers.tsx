'use client'

import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { SessionProvider, sharedPages, utmCapture } from 'vtex-session-react'
import { storefrontRegion } from '../../shared/storefrontRegion'

/**
 * One QueryClient per browser tab; what the server prefetched hydrates it (a shared page: its segment
 * and prices; a personal one: the session too). After hydration the shopper's own session loads,
 * with a landing URL's UTM values (captureUtm) and a Google ad's place (region) written in it.
 */
export function Providers({ state, children }: { state: DehydratedState; children: ReactNode }) {
  // Data from the server is fresh: no refetch on mount.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider captureUtm={utmCapture} region={storefrontRegion} sharedPages={sharedPages}>{children}</SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
