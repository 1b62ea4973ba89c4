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

/**
 * Adds `loadError` to a query result without reading `error` now: React Query tracks which
 * properties a component reads, and a getter keeps that (a spread would read them all).
 */
export function withLoadError<T>(result: UseQueryResult<T, SessionError>): UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null } {
  // The same result object may come back on the next render (notifyOnChangeProps): defined once.
  if (!('loadError' in result)) Object.defineProperty(result, 'loadError', { get: () => result.error, enumerable: true })
  return result as UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null }
}
