import { useCallback, useSyncExternalStore } from 'react'
import type { Session } from '../core/types'
import { useSessionContext } from './SessionContext'

/**
 * The session as the Session Manager last confirmed it, without the writes still in flight that
 * `useSession` already shows: for work that must follow the server, such as a cart's shipping
 * data (`vtex-session-react/checkout`). `undefined` until the first load.
 */
export function useConfirmedSession(): Session | undefined {
  const { runtime, queryClient } = useSessionContext('useConfirmedSession')
  // Every confirmation is painted into the cache, so a cache event is when to look again.
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient])
  const confirmed = () => runtime.confirmed().session
  return useSyncExternalStore(subscribe, confirmed, confirmed)
}
