import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Segment, Session } from 'vtex-session-react'
import { productSearchOptions, searchContextOf, useSearchClient } from 'vtex-session-react/search'
import { catalogPage } from '../catalogPage'

/**
 * `useRegionPrefetch`'s callback for the catalog page: the same search for the predicted segment
 * and session, so the prices are cached when `setRegion` confirms them.
 */
export function usePrefetchCatalogPage() {
  const queryClient = useQueryClient()
  const client = useSearchClient()
  return useCallback(
    (_segmentKey: string, segment: Segment, session: Session | undefined) =>
      queryClient.prefetchQuery(productSearchOptions(client, { ...catalogPage, context: searchContextOf(segment, session) })),
    [queryClient, client],
  )
}
