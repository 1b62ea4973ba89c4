import { dehydrate, QueryClient } from '@tanstack/react-query'
import { headers } from 'next/headers'
import { fillPageCache, pageForRequest } from 'vtex-session-react/server'
import { prefetchStorefront } from '../../shared/prefetchStorefront'
import { sessionManagerUrl } from '../../shared/sessionManagerUrl'
import { decodeHandedPage, HANDED_PAGE } from '../lib/handedPage'
import { Providers } from './Providers'
import { Storefront } from './Storefront'

// Rendered per request; a CDN keeps the shared pages (proxy.ts says which are).
export const dynamic = 'force-dynamic'

export default async function StorefrontPage() {
  const requestHeaders = await headers()
  const queryClient = new QueryClient()
  // proxy.ts decided the page (shared: the segment alone; personal: the shopper's session); without
  // it (another route), the page decides for itself. The provider (Providers.tsx) talks through
  // app/api with baseUrl '': only its entries are filled.
  const handed = decodeHandedPage(requestHeaders.get(HANDED_PAGE))
  const page = handed ?? (await pageForRequest(new Request('http://storefront.invalid/', { headers: requestHeaders }), { baseUrl: sessionManagerUrl() }))
  fillPageCache(queryClient, page)
  await prefetchStorefront(queryClient, page, sessionManagerUrl())

  return (
    // The page speaks the segment's language, as its prices do.
    <div lang={page.segment.cultureInfo ?? 'pt-BR'}>
      <Providers state={dehydrate(queryClient)}>
        <Storefront />
      </Providers>
    </div>
  )
}
