import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { SessionProvider } from 'vtex-session-react'
import { PlaceName } from './PlaceName'
import { PostalCodeSelector } from './PostalCodeSelector'
import { PriceList } from './PriceList'

/**
 * One "tab" of the storefront: its own QueryClient and provider, as a second browser tab has.
 * `syncTabs` is on by default: a write confirmed in one tab reaches the others of the same
 * origin and `baseUrl` through BroadcastChannel, and they re-price in place without a request
 * of their own for the session.
 */
export function StorefrontTab({ title, children }: { title: string; children?: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <section aria-label={title} className="sf-panel">
          <h2>{title}</h2>
          {/* A tab with its own selector names the place there. */}
          {children ?? <PlaceName testId="tab-region" />}
          <PriceList />
        </section>
      </SessionProvider>
    </QueryClientProvider>
  )
}

/** Two tabs side by side: change the postal code in the first, watch the second follow. */
export function TwoTabs() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem' }}>
      <StorefrontTab title="Tab 1">
        <PostalCodeSelector />
      </StorefrontTab>
      <StorefrontTab title="Tab 2" />
    </div>
  )
}
