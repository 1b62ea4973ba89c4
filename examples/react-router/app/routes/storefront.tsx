import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState } from 'react'
import { data, useLoaderData, type HeadersArgs, type LoaderFunctionArgs } from 'react-router'
import { SessionProvider, sharedPages, utmCapture } from 'vtex-session-react'
import { fillPageCache, pageForRequest } from 'vtex-session-react/server'
import { Storefront } from '../../../../stories/examples/Storefront'
import { prefetchStorefront } from '../../../shared/prefetchStorefront'
import { sessionManagerUrl } from '../../../shared/sessionManagerUrl'
import { storefrontRegion } from '../../../shared/storefrontRegion'

/**
 * The page's loader, on the server. A shared page (anonymous shoppers, first visits included): no
 * session is read; the first catalog page is priced for the request's page cache key (from the
 * `vtex_segment` cookie, and a Google ad's `region_id`), and a CDN may keep the response. A
 * personal page (signed in, a private sales channel): the shopper's session, one Session Manager
 * round trip, `private, no-store`. Both dehydrate a QueryClient of their own into the page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = await pageForRequest(request, { baseUrl: sessionManagerUrl() })
  const queryClient = new QueryClient()
  fillPageCache(queryClient, page)
  await prefetchStorefront(queryClient, page, sessionManagerUrl())
  return data({ state: dehydrate(queryClient) }, { headers: page.headers })
}

// The document response carries the loader's headers as they are (each Set-Cookie on its own).
export const headers = ({ loaderHeaders }: HeadersArgs) => loaderHeaders

export default function StorefrontPage() {
  const { state } = useLoaderData<{ state: DehydratedState }>()
  // One QueryClient per browser tab; what the server prefetched is fresh, so nothing is asked on load.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider captureUtm={utmCapture} region={storefrontRegion} sharedPages={sharedPages}>
          <Storefront />
        </SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
