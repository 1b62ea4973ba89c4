import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldValues, Session } from '../core/types'
import type { WriteState } from './readState'
import { settleForReaders } from './settleForReaders'
import { useSessionContext } from './SessionContext'

export interface SessionWrite<TInput> extends WriteState {
  /** Settles after this hook's state reached React; marked as handled (see `settleForReaders`). */
  write: (input: TInput) => Promise<void>
}

/**
 * One hook's own writes: `toFields` turns its input into public fields, at once or after
 * asking the browser (and may throw an `invalid-input` SessionError before any request). `networkMode: 'always'`: offline writes
 * fail fast with kind `network` instead of pausing silently. The mutation key is the origin's:
 * React Query gives a pending mutation the hook's newest function, which after a store switch
 * would send a write asked on one store to the next; another key detaches it instead.
 */
export function useSessionWrite<TInput>(
  hookName: string,
  toFields: (input: TInput) => PublicFieldValues | Promise<PublicFieldValues>,
): SessionWrite<TInput> {
  const { runtime, queryClient } = useSessionContext(hookName)
  const mutation = useMutation<Session, SessionError, TInput>(
    { mutationKey: runtime.keys.write, mutationFn: async (input) => runtime.write(await toFields(input)), networkMode: 'always' },
    queryClient,
  )
  const { mutateAsync } = mutation
  const write = useCallback((input: TInput) => settleForReaders(mutateAsync(input)), [mutateAsync])
  return { write, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset }
}
