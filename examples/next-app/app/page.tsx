import { dehydrate, QueryClient } from '@tanstack/react-query'
import { headers } from 'next/headers'
// A framework-free helper from the main entry, in a server component: the `react-server`
// condition gives the real function, not a client reference.
import { readSessionValue } from 'vtex-session-react'
import { fillSessionCache, prefetchSession } from 'vtex-session-react/server'
import { prefetchStorefront } from '../../shared/prefetchStorefront'
import { sessionManagerUrl } from '../../shared/sessionManagerUrl'
import { decodeHandedSession, HANDED_SESSION } from '../lib/handedSession'
import { Providers } from './Providers'
import { Storefront } from './Storefront'

// Per-shopper HTML: read the session for every request.
export const dynamic = 'force-dynamic'

export default async function StorefrontPage() {
  const requestHeaders = await headers()
  const queryClient = new QueryClient()
  // Session and segment go into the cache SessionProvider reads: no loading flash, no request on load.
  // proxy.ts has read them already; without it (another route), the page reads them itself.
  // The provider (Providers.tsx) talks through app/api with baseUrl '': only its entries are filled.
  const handed = decodeHandedSession(requestHeaders.get(HANDED_SESSION))
  if (handed) fillSessionCache(queryClient, handed)
  const page = handed ?? (await prefetchSession(queryClient, { baseUrl: sessionManagerUrl(), cookie: requestHeaders.get('cookie'), providerBaseUrl: '' }))
  await prefetchStorefront(queryClient, page, sessionManagerUrl())

  return (
    // The page speaks the session's language (its cultureInfo), read on the server.
    <div lang={readSessionValue(page.session, 'store', 'cultureInfo') ?? 'pt-BR'}>
      <Providers state={dehydrate(queryClient)}>
        <Storefront />
      </Providers>
    </div>
  )
}
