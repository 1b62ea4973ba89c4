import { useCallback } from 'react'
import { stripPublicPrefix } from '../core/publicFields'
import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldName, PublicFieldValue, Session } from '../core/types'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface PublicFieldState {
  /** This hook's own write is in flight. */
  isPending: boolean
  /** This hook's last write error, else the session's load error. */
  error: SessionError | null
  /** Clears this hook's write error. */
  reset: () => void
}

export type UsePublicFieldResult<Value extends string = string> = readonly [
  value: Value | undefined,
  setValue: (value: Value) => Promise<void>,
  state: PublicFieldState,
]

/**
 * One public field of the session, like `useState`: `[value, setValue, { isPending, error }]`.
 * Re-renders only when this field (or this hook's state) changes. Typed by `PublicFields`.
 */
export function usePublicField<Name extends PublicFieldName>(name: Name): UsePublicFieldResult<PublicFieldValue<Name>> {
  const key = stripPublicPrefix(name)
  const select = useCallback((session: Session) => readSessionValue(session, 'public', key), [key])
  const field = useSessionQuery('usePublicField', select)
  const { write, isPending, error, reset } = useSessionWrite('usePublicField', (value: PublicFieldValue<Name>) => ({ [name]: value }))
  // The server stores strings: a declared union is what this app writes there.
  return [field.data as PublicFieldValue<Name> | undefined, write, { isPending, error: error ?? field.error, reset }] as const
}
