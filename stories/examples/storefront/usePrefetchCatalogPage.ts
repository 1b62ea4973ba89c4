import { useCallback } from 'react'
import { useSessionSource, type Segment, type Session } from 'vtex-session-react'
import { productSearchOptions, searchContextOf, useSearchClient } from 'vtex-session-react/search'
import { catalogPage } from '../catalogPage'

/**
 * `useRegionPrefetch`'s callback for the catalog page: the same search for the predicted segment
 * and session, so the prices are cached when `setRegion` confirms them.
 */
export function usePrefetchCatalogPage() {
  // The provider's cache (the one the grid reads), which may not be the context's.
  const { queryClient } = useSessionSource()
  const client = useSearchClient()
  return useCallback(
    (_segmentKey: string, segment: Segment, session: Session | undefined) =>
      queryClient.prefetchQuery(productSearchOptions(client, { ...catalogPage, context: searchContextOf(segment, session) })),
    [queryClient, client],
  )
}
