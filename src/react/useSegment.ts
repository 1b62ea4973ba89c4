import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment } from '../core/types'
import { segmentQueryOptions } from './queryOptions'
import { useSessionContext } from './SessionContext'

export type UseSegmentResult = UseQueryResult<Segment, SessionError>

/** The session's segment (`GET /api/segments`): region, trade policy, price tables, currency, locale. */
export function useSegment(): UseSegmentResult {
  const { client, queryClient } = useSessionContext('useSegment')
  return useQuery(segmentQueryOptions(client), queryClient)
}
