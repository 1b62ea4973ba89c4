import { dehydrate, HydrationBoundary, QueryClientProvider } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, SessionProvider, sharedPages } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { createSearchClient, productSearchOptions, searchContextOf, useProductSearch } from '../src/search/index'
import { createTestQueryClient, mock } from './harness'

let browserFrom = 0
const sessionRequests = () => mock.requests.slice(browserFrom).filter((request) => request.path.startsWith('/api/'))


describe('a shared page: the search after hydration', () => {
  for (const place of [false, true]) {
    it(`${place ? 'a shopper with a place' : 'a shopper without a place'}: no search with their session beside the page’s segment`, async () => {
      const shopper = createSessionClient()
      if (place) await shopper.editSession({ country: 'BRA', postalCode: '22250-040' })
      else await shopper.getSession()
      const page = pageSegmentOf(await shopper.getSegment())
      const server = createTestQueryClient()
      fillPageCache(server, { kind: 'shared', segment: page })
      await server.prefetchQuery(productSearchOptions(createSearchClient({ baseUrl: window.location.origin }), { count: 12, context: searchContextOf(page) }, { providerBaseUrl: '' }))
      const state = dehydrate(server)
      browserFrom = mock.requests.length
      const contexts: string[] = []
      function Listing() {
        const search = useProductSearch({ count: 12 })
        contexts.push(`${search.isLoading}/${search.isPlaceholderData}/${search.data ? 'data' : 'none'}`)
        return null
      }
      const queryClient = createTestQueryClient()
      render(
        <StrictMode>
          <QueryClientProvider client={queryClient}>
            <HydrationBoundary state={state}>
              <SessionProvider sharedPages={sharedPages}>
                <Listing />
              </SessionProvider>
            </HydrationBoundary>
          </QueryClientProvider>
        </StrictMode>,
      )
      await waitFor(() => expect(sessionRequests().map(({ path }) => path)).toContain('/api/segments'))
      await act(() => new Promise((r) => setTimeout(r, 150)))
      // A search priced after hydration uses the shopper's session AND segment, never their session beside the page's segment.
      const order = sessionRequests().map(({ path }) => path.split('?')[0] ?? '')
      const firstSearch = order.findIndex((path) => path.startsWith('/api/intelligent-search'))
      if (firstSearch !== -1) expect(order.slice(0, firstSearch)).toContain('/api/segments')
    })
  }
})
