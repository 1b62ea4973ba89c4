import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { useState } from 'react'
import { data, useLoaderData, type HeadersArgs, type LoaderFunctionArgs } from 'react-router'
import { SessionProvider } from 'vtex-session-react'
import { createSearchClient, productSearchOptions, searchContextOf } from 'vtex-session-react/search'
import { fillSessionCache, sessionForRequest } from 'vtex-session-react/server'
import { catalogPage } from '../../../../stories/examples/catalogPage'
import { Storefront } from '../../../../stories/examples/Storefront'
import { sessionManagerUrl } from '../../../shared/sessionManagerUrl'

/**
 * The page's loader, on the server: the shopper's session for this request (one Session Manager
 * round trip; a Google ad's region_id applied to a shopper without a place), a QueryClient of its
 * own with the session, segment and first catalog page priced for the segment, dehydrated into the
 * page. The response gets each Set-Cookie, Cache-Control and Vary.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = await sessionForRequest(request, { baseUrl: sessionManagerUrl() })
  const queryClient = new QueryClient()
  fillSessionCache(queryClient, page)
  const search = createSearchClient({ baseUrl: sessionManagerUrl() })
  await queryClient.prefetchQuery(productSearchOptions(search, { ...catalogPage, context: searchContextOf(page.segment, page.session) }, { providerBaseUrl: '' }))
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
