import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import type { SessionRuntime } from '../runtime/createSessionRuntime'
import { refreshSession } from './refreshSession'
import { useSessionContext } from './SessionContext'
import { settleForReaders } from './settleForReaders'

export interface UseSessionRefreshResult {
  /** Re-reads session and segment after a change made outside the Session Manager (login, logout, contract switch). */
  refreshSession: () => Promise<void>
  isPending: boolean
  error: SessionError | null
  reset: () => void
}

/** `refreshSession()` for components, with its own `isPending` / `error` like the write hooks. */
export function useSessionRefresh(): UseSessionRefreshResult {
  const { runtime, queryClient } = useSessionContext('useSessionRefresh')
  // Each refresh carries the runtime it was asked on (see useSessionWrite).
  const mutation = useMutation<Session, SessionError, SessionRuntime>(
    { mutationFn: (askedOn) => refreshSession(queryClient, askedOn.client), networkMode: 'always' },
    queryClient,
  )
  const { mutateAsync } = mutation
  const refresh = useCallback(() => settleForReaders(mutateAsync(runtime)), [mutateAsync, runtime])
  return { refreshSession: refresh, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset }
}
