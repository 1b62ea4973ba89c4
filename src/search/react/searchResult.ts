import type { UseQueryResult } from '@tanstack/react-query'
import type { ReadState, SessionError } from 'vtex-session-react'
import type { SearchAnswer } from '../createSearchClient'

/** What a search hook returns: the answer, its read state, and whether it is still the previous context's. */
export interface SearchResult<T> extends ReadState {
  /** The answer for the shopper's context; while a new context loads, the previous one's (see `isPlaceholderData`). */
  data: T | undefined
  /** The answer's `Cache-Control` (`null`: none). */
  cacheControl: string | null
  /** True while the answer shown is the previous context's (or page's) and the new one is on its way: dim it, keep it. */
  isPlaceholderData: boolean
  /** A request for this search is in flight (the first one, a re-price, or a refetch). */
  isFetching: boolean
  refetch: () => void
}

/**
 * The contract's read state of a search: loading until the session and the answer are there; the
 * session's failure is the search's too (no context, no search).
 */
export function searchResultOf<T>(query: UseQueryResult<SearchAnswer<T>, SessionError>, sessionError: SessionError | null): SearchResult<T> {
  const loadError = query.error ?? sessionError
  return {
    data: query.data?.data,
    cacheControl: query.data?.cacheControl ?? null,
    isLoading: query.isPending && loadError === null,
    loadError,
    isPlaceholderData: query.isPlaceholderData,
    isFetching: query.isFetching,
    refetch: () => void query.refetch(),
  }
}
