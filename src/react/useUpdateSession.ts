import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldUpdate, Session } from '../core/types'
import type { SessionRuntime } from '../runtime/createSessionRuntime'
import { useSessionContext } from './SessionContext'

export type UseUpdateSessionResult = UseMutationResult<Session, SessionError, PublicFieldUpdate>

/**
 * Writes several public fields in one PATCH: `mutateAsync({ utm_source: 'mail', utm_campaign: 'bf' })`.
 * Resolves with the new session once it is in the cache and readers have been told.
 */
export function useUpdateSession(): UseUpdateSessionResult {
  const { runtime, queryClient } = useSessionContext('useUpdateSession')
  // Each write goes to the store it was asked on (React Query gives a pending mutation the hook's
  // newest function: a store switch's). Its variables are the caller's fields, so the runtime is
  // looked up by them.
  const [askedOn] = useState(() => new WeakMap<PublicFieldUpdate, SessionRuntime>())
  // networkMode 'always': offline writes fail fast with kind 'network' instead of pausing silently.
  const mutation = useMutation<Session, SessionError, PublicFieldUpdate>(
    { mutationFn: (fields) => (askedOn.get(fields) ?? runtime).write(fields), networkMode: 'always' },
    queryClient,
  )
  const { mutate: send, mutateAsync: sendAsync } = mutation
  const mutate = useCallback<UseUpdateSessionResult['mutate']>((fields, options) => send(askedOn.set(fields, runtime) && fields, options), [send, askedOn, runtime])
  const mutateAsync = useCallback<UseUpdateSessionResult['mutateAsync']>((fields, options) => sendAsync(askedOn.set(fields, runtime) && fields, options), [sendAsync, askedOn, runtime])
  return { ...mutation, mutate, mutateAsync }
}
