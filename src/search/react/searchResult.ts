import type { UseQueryResult } from '@tanstack/react-query'
import type { ReadState, SessionError } from 'vtex-session-react'
import type { SearchAnswer } from '../createSearchClient'

/** What a search hook returns: the answer, its read state, and whether it is still the previous context's. */
export interface SearchResult<T> extends ReadState {
  /** The answer for the shopper's context; while a new context loads, or when its load failed, the previous one's (see `isPlaceholderData`). */
  data: T | undefined
  /** The answer's `Cache-Control` (`null`: none). */
  cacheControl: string | null
  /** True while the answer shown is the previous context's (or page's): the new one is on its way, or failed (`loadError`). Dim it, keep it. */
  isPlaceholderData: boolean
  /** A request for this search is in flight (the first one, a re-price, or a refetch). */
  isFetching: boolean
  /** Asks again (nothing before the session's context is known: a search without it would be mispriced). */
  refetch: () => unknown
}

const nothing = () => undefined

/**
 * The contract's read state of a search: loading until the session's context and the answer are
 * there (a search the app holds with `enabled: false` is not loading). Before the context is known,
 * the session's failure is the search's (no context, no search); after, a failed re-read of the
 * session leaves the search as it is. A failed load for a new context shows `standIn`, the last
 * good answer (`useStandIn`), beside its error.
 */
export function searchResultOf<T>(
  query: UseQueryResult<SearchAnswer<T>, SessionError>,
  hasContext: boolean,
  sessionError: SessionError | null,
  standIn: SearchAnswer<T> | undefined,
): SearchResult<T> {
  const loadError = query.error ?? (hasContext ? null : sessionError)
  const answer = query.data ?? standIn
  return {
    data: answer?.data,
    cacheControl: answer?.cacheControl ?? null,
    isLoading: loadError === null && (!hasContext || (query.isPending && query.fetchStatus !== 'idle')),
    loadError,
    isPlaceholderData: query.isPlaceholderData || standIn !== undefined,
    isFetching: query.isFetching,
    refetch: hasContext ? query.refetch : nothing,
  }
}
