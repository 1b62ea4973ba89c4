import type { UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment } from '../core/types'
import { useSegmentQuery, withLoadError } from './useSessionQuery'

/** React Query's result, with the contract's `loadError` (the same as its `error`: this hook only reads). */
export type UseSegmentResult = UseQueryResult<Segment, SessionError> & { readonly loadError: SessionError | null }

/** The session's segment (`GET /api/segments`): region, sales channel, price tables, currency, locale. */
export function useSegment(): UseSegmentResult {
  return withLoadError(useSegmentQuery('useSegment'))
}
