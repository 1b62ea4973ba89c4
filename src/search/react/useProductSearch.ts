import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSessionSource, type SessionError } from 'vtex-session-react'
import type { ProductSearchInput, SearchAnswer, SearchClient } from '../createSearchClient'
import type { SearchContext } from '../searchContext'
import { productSearchOptions } from '../searchQueries'
import type { ProductSearchResult } from '../searchSchemas'
import { searchResultOf, type SearchResult } from './searchResult'
import { useSearchClient } from './useSearchClient'
import { useStandIn } from './useStandIn'
import { useTransientRetry } from '../../subpaths/useTransientRetry'
import { useSearchContextState } from './useSearchContext'

export interface UseProductSearchInput extends Omit<ProductSearchInput, 'context' | 'signal'> {
  /** Your own client (default: one on the provider's request settings). */
  client?: SearchClient
  /** False holds the search (default true). */
  enabled?: boolean
}

export type UseProductSearchResult = SearchResult<ProductSearchResult>

/** Until the segment is loaded there is no context: the query waits, disabled, on this key. */
export const NO_CONTEXT: SearchContext = { params: {}, facets: '' }

/**
 * A page of products priced for this shopper (Intelligent Search v1 `product-search`), keyed by
 * the confirmed search context: a region, a log-in with price tables, a UTM landing or a pickup
 * point re-prices it once, in place, with the previous results kept on screen while the new ones load.
 */
export function useProductSearch({ client: own, enabled = true, ...input }: UseProductSearchInput = {}): UseProductSearchResult {
  const { context, sessionError } = useSearchContextState()
  const client = useSearchClient(own)
  // The provider's QueryClient: it may be given to it with no QueryClientProvider around.
  const { queryClient } = useSessionSource()
  const options = productSearchOptions(client, { ...input, context: context ?? NO_CONTEXT })
  const query = useQuery<SearchAnswer<ProductSearchResult>, SessionError>({
    ...options,
    enabled: enabled && context !== undefined,
    retry: useTransientRetry(),
    placeholderData: keepPreviousData,
  }, queryClient)
  return searchResultOf(query, context !== undefined, sessionError, useStandIn(options.queryKey, query))
}
