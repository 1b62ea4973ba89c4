import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { useSessionContext } from './SessionContext'

/** The provider's session query, with a `select` (keep it stable: a component re-renders only when its pick changes). */
export function useSessionQuery<T = Session>(hookName: string, select?: (session: Session) => T): UseQueryResult<T, SessionError> {
  const { sessionOptions, queryClient } = useSessionContext(hookName)
  return useQuery({ ...sessionOptions, select }, queryClient)
}

/** The provider's segment query; `enabled: false` leaves it unread (no request). */
export function useSegmentQuery<T = Segment>(
  hookName: string,
  select?: (segment: Segment) => T,
  enabled = true,
): UseQueryResult<T, SessionError> {
  const { segmentOptions, queryClient } = useSessionContext(hookName)
  return useQuery({ ...segmentOptions, select, enabled }, queryClient)
}
