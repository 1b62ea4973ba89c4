import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { stripPublicPrefix } from '../core/publicFields'
import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { sessionQueryOptions } from './queryOptions'
import { settleForReaders } from './settleForReaders'
import { useSessionContext } from './SessionContext'

export interface PublicFieldState {
  /** This hook's own write is in flight. */
  isPending: boolean
  /** This hook's last write error, else the session's load error. */
  error: SessionError | null
}

export type UsePublicFieldResult = readonly [
  value: string | undefined,
  setValue: (value: string) => Promise<void>,
  state: PublicFieldState,
]

/**
 * One public field of the session, like `useState`: `[value, setValue, { isPending, error }]`.
 * Re-renders only when this field (or this hook's state) changes.
 */
export function usePublicField(name: string): UsePublicFieldResult {
  const { client, queryClient, writer } = useSessionContext('usePublicField')
  const key = stripPublicPrefix(name)
  const select = useCallback((session: Session) => readSessionValue(session, 'public', key), [key])
  const field = useQuery({ ...sessionQueryOptions(client), select }, queryClient)
  const write = useMutation<Session, SessionError, string>(
    { mutationFn: (value) => writer.write({ [name]: value }), networkMode: 'always' },
    queryClient,
  )
  const { mutateAsync } = write
  const setValue = useCallback(
    (value: string) => settleForReaders(mutateAsync(value)),
    [mutateAsync],
  )
  return [field.data, setValue, { isPending: write.isPending, error: write.error ?? field.error }] as const
}
