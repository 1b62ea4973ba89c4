import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState } from 'react'
import { data, useLoaderData, type HeadersArgs, type LoaderFunctionArgs } from 'react-router'
import { SessionProvider } from 'vtex-session-react'
import { fillSessionCache, sessionForRequest } from 'vtex-session-react/server'
import { Storefront } from '../../../../stories/examples/Storefront'
import { prefetchStorefront } from '../../../shared/prefetchStorefront'
import { sessionManagerUrl } from '../../../shared/sessionManagerUrl'

/**
 * The page's loader, on the server: the shopper's session for this request (one Session Manager
 * round trip; a Google ad's region_id applied to a shopper without a place), a QueryClient of its
 * own with the session, segment, first catalog page priced for the segment and the place's name, dehydrated into the
 * page. The response gets each Set-Cookie, Cache-Control and Vary.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = await sessionForRequest(request, { baseUrl: sessionManagerUrl() })
  const queryClient = new QueryClient()
  fillSessionCache(queryClient, page)
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
        <SessionProvider>
          <Storefront />
        </SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
