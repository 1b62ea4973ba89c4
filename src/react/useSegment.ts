import type { UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment } from '../core/types'
import { useSegmentQuery } from './useSessionQuery'

export type UseSegmentResult = UseQueryResult<Segment, SessionError>

/** The session's segment (`GET /api/segments`): region, trade policy, price tables, currency, locale. */
export function useSegment(): UseSegmentResult {
  return useSegmentQuery('useSegment')
}
