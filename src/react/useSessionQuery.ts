import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { useSessionContext } from './SessionContext'

/** The provider's session query, with a `select` (keep it stable: a component re-renders only when its pick changes). */
export function useSessionQuery<T = Session>(hookName: string, select?: (session: Session) => T): UseQueryResult<T, SessionError> {
  const { sessionOptions, queryClient } = useSessionContext(hookName)
  return useQuery({ ...sessionOptions, select }, queryClient)
}

/**
 * The provider's segment query; `enabled: false` leaves it unread (no request). On a shared page
 * (`sharedPages`), the page's segment stands in (`isPlaceholderData`) until the shopper's is read.
 */
export function useSegmentQuery<T = Segment>(
  hookName: string,
  select?: (segment: Segment) => T,
  enabled = true,
): UseQueryResult<T, SessionError> {
  const { segmentOptions, queryClient, sharedPages, pageSegment } = useSessionContext(hookName)
  const result = useQuery({ ...segmentOptions, select, enabled }, queryClient)
  return sharedPages ? sharedPages.standIn(result, pageSegment, select) : result
}

/**
 * React Query's result with `loadError` (its `error`), as a view: React Query's own object is never
 * changed (it compares results by their keys, and an added key would cost a render), and every
 * property is read through it, so React Query still tracks what the component reads.
 */
export function withLoadError<T>(result: UseQueryResult<T, SessionError>): UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null } {
  const read = (target: object, key: string | symbol) => Reflect.get(target, key === 'loadError' ? 'error' : key)
  return new Proxy(result, {
    get: read,
    has: (target, key) => key === 'loadError' || Reflect.has(target, key),
    ownKeys: (target) => [...Reflect.ownKeys(target), 'loadError'],
    getOwnPropertyDescriptor: (target, key) =>
      key === 'loadError' ? { configurable: true, enumerable: true, get: () => read(target, key) } : Reflect.getOwnPropertyDescriptor(target, key),
  }) as UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null }
}
