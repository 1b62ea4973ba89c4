import { dehydrate, QueryClient } from '@tanstack/react-query'
import { headers } from 'next/headers'
// A framework-free helper from the main entry, in a server component: the `react-server`
// condition gives the real function, not a client reference.
import { readSessionValue } from 'vtex-session-react'
import { createSearchClient, productSearchOptions, searchContextOf } from 'vtex-session-react/search'
import { fillSessionCache, prefetchSession } from 'vtex-session-react/server'
import { catalogPage } from '../../../stories/examples/catalogPage'
import { decodeHandedSession, HANDED_SESSION } from '../lib/handedSession'
import { sessionManagerUrl } from '../../shared/sessionManagerUrl'
import { Providers } from './Providers'
import { Storefront } from './Storefront'

// Per-shopper HTML: read the session for every request.
export const dynamic = 'force-dynamic'

/** A short, stable label for a segment key (what a page cache would vary by). */
function shortLabel(key: string): string {
  let hash = 0
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash.toString(16).padStart(8, '0')
}

export default async function StorefrontPage() {
  const requestHeaders = await headers()
  const cookie = requestHeaders.get('cookie')
  const queryClient = new QueryClient()
  // Session and segment go into the cache SessionProvider reads: no loading flash, no request on load.
  // proxy.ts has read them already; without it (another route), the page reads them itself.
  // The provider (Providers.tsx) talks through app/api with baseUrl '': only its entries are filled.
  const handed = decodeHandedSession(requestHeaders.get(HANDED_SESSION))
  if (handed) fillSessionCache(queryClient, handed)
  const { session, segment, segmentKey } = handed ?? (await prefetchSession(queryClient, { baseUrl: sessionManagerUrl(), cookie, providerBaseUrl: '' }))
  // The first page of the catalog, priced for the shopper by Intelligent Search v1: its URL carries
  // the whole context, so shoppers with equal segments ask the same URL (one CDN entry).
  const search = createSearchClient({ baseUrl: sessionManagerUrl() })
  await queryClient.prefetchQuery(productSearchOptions(search, { ...catalogPage, context: searchContextOf(segment, session) }, { providerBaseUrl: '' }))

  return (
    <main>
      <h1>Storefront</h1>
      <p>
        Session <code data-testid="session-id">{session.id}</code> · page cache key (segment){' '}
        <code data-testid="segment-label">{shortLabel(segmentKey)}</code> · trade policy{' '}
        <code data-testid="server-channel">{readSessionValue(session, 'store', 'channel') ?? 'none'}</code>
      </p>
      <Providers state={dehydrate(queryClient)}>
        <Storefront />
      </Providers>
    </main>
  )
}
