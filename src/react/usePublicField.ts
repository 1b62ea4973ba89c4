import { useCallback } from 'react'
import { stripPublicPrefix } from '../core/publicFields'
import { readSessionValue } from '../core/readSessionValue'
import type { PublicFieldName, PublicFieldValue, Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

/** The result contract: the session read's state and this hook's own write. */
export interface PublicFieldState extends ReadState, WriteState {}

export type UsePublicFieldResult<Value extends string = string> = readonly [
  value: Value | undefined,
  setValue: (value: Value) => Promise<void>,
  state: PublicFieldState,
]

/**
 * One public field of the session, like `useState`: `[value, setValue, { isLoading, loadError, isPending, error, reset }]`.
 * Re-renders only when this field (or this hook's state) changes. Typed by `PublicFields`.
 */
export function usePublicField<Name extends PublicFieldName>(name: Name): UsePublicFieldResult<PublicFieldValue<Name>> {
  const key = stripPublicPrefix(name)
  const select = useCallback((session: Session) => readSessionValue(session, 'public', key), [key])
  const field = useSessionQuery('usePublicField', select)
  const { write, ...writeState } = useSessionWrite('usePublicField', (value: PublicFieldValue<Name>) => ({ [name]: value }))
  // The server stores strings: a declared union is what this app writes there.
  return [field.data as PublicFieldValue<Name> | undefined, write, { ...readStateOf(field), ...writeState }] as const
}
