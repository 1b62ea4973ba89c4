import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldUpdate, Session } from '../core/types'
import { useSessionContext } from './SessionContext'

export type UseUpdateSessionResult = UseMutationResult<Session, SessionError, PublicFieldUpdate>

/**
 * Writes several public fields in one PATCH: `mutateAsync({ utm_source: 'mail', utm_campaign: 'bf' })`.
 * Resolves with the new session once it is in the cache and readers have been told.
 */
export function useUpdateSession(): UseUpdateSessionResult {
  const { runtime, queryClient } = useSessionContext('useUpdateSession')
  // networkMode 'always': offline writes fail fast with kind 'network' instead of pausing silently.
  return useMutation<Session, SessionError, PublicFieldUpdate>(
    { mutationKey: runtime.keys.write, mutationFn: (fields) => runtime.write(fields), networkMode: 'always' },
    queryClient,
  )
}
