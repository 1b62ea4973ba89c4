import { useQuery } from '@tanstack/react-query'
import { useSessionSource, type SessionError } from 'vtex-session-react'
import type { ProductInput, SearchAnswer, SearchClient } from '../createSearchClient'
import { productOptions } from '../searchQueries'
import type { SearchProduct } from '../searchSchemas'
import { searchResultOf, type SearchResult } from './searchResult'
import { useSearchClient } from './useSearchClient'
import { useStandIn } from './useStandIn'
import { useTransientRetry } from '../../subpaths/useTransientRetry'
import { NO_CONTEXT } from './useProductSearch'
import { useSearchContextState } from './useSearchContext'

export interface UseProductInput extends Omit<ProductInput, 'context' | 'signal'> {
  client?: SearchClient
  enabled?: boolean
}

export type UseProductResult = SearchResult<SearchProduct>

/**
 * One product (a product page, Intelligent Search v1 `products`) priced for this shopper, keyed by
 * the confirmed search context. A new context keeps the same product on screen while it re-prices;
 * another product never shows the previous one.
 */
export function useProduct({ client: own, enabled = true, field, value }: UseProductInput): UseProductResult {
  const { context, sessionError } = useSearchContextState()
  const client = useSearchClient(own)
  // The provider's QueryClient: it may be given to it with no QueryClientProvider around.
  const { queryClient } = useSessionSource()
  const options = productOptions(client, { field, value, context: context ?? NO_CONTEXT })
  const query = useQuery<SearchAnswer<SearchProduct>, SessionError>({
    ...options,
    enabled: enabled && context !== undefined,
    retry: useTransientRetry(),
    placeholderData: (previous: SearchAnswer<SearchProduct> | undefined, previousQuery) => {
      const last = (previousQuery?.queryKey ?? []).at(-1)
      const { field: lastField, value: lastValue } = (last ?? {}) as Partial<ProductInput>
      return lastField === field && lastValue === value ? previous : undefined
    },
  }, queryClient)
  return searchResultOf(query, context !== undefined, sessionError, useStandIn(options.queryKey, query))
}
