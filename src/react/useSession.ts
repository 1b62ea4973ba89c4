import type { UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { useSessionQuery, withLoadError } from './useSessionQuery'

export interface UseSessionOptions<T> {
  /** Picks a part of the session; the component re-renders only when that part changes. Keep it stable. */
  select?: (session: Session) => T
}

/** React Query's result, with the contract's `loadError` (the same as its `error`: this hook only reads). */
export type UseSessionResult<T = Session> = UseQueryResult<T, SessionError> & { readonly loadError: SessionError | null }

/** The whole session (`items=*`), or the part `select` picks. */
export function useSession<T = Session>(options: UseSessionOptions<T> = {}): UseSessionResult<T> {
  return withLoadError(useSessionQuery('useSession', options.select))
}
