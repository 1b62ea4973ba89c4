import { useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldValues, Session } from '../core/types'
import type { SessionRuntime } from '../runtime/createSessionRuntime'
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
 * fail fast with kind `network` instead of pausing silently. Each write carries the runtime it was
 * asked on: React Query gives a pending mutation the hook's newest function, which after a store
 * switch would send it to the next store.
 */
export function useSessionWrite<TInput>(
  hookName: string,
  toFields: (input: TInput) => PublicFieldValues | Promise<PublicFieldValues>,
  /** Says a failure in the hook's own terms (a refused sales channel), for its caller only. */
  explain?: (error: SessionError, input: TInput) => SessionError,
): SessionWrite<TInput> {
  const { runtime, queryClient } = useSessionContext(hookName)
  const mutation = useMutation<Session, SessionError, { input: TInput; askedOn: SessionRuntime }>(
    {
      mutationFn: async ({ input, askedOn }) =>
        askedOn.write(await toFields(input)).catch((error: SessionError) => Promise.reject(explain ? explain(error, input) : error)),
      networkMode: 'always',
    },
    queryClient,
  )
  const { mutateAsync } = mutation
  const write = useCallback((input: TInput) => settleForReaders(mutateAsync({ input, askedOn: runtime })), [mutateAsync, runtime])
  return { write, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset }
}
