import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import type { ReadState } from './readState'
import { useSessionList } from './useSessionList'

export interface UsePriceTablesResult extends ReadState {
  /** The ids; `[]` also while loading or after a failed read: `isLoading` and `loadError` tell those apart. */
  priceTables: readonly string[]
  /** @deprecated since 0.2, removed in 0.3: use `isLoading` (this hook does not write). */
  isPending: boolean
  /** @deprecated since 0.2, removed in 0.3: use `loadError` (this hook does not write). */
  error: SessionError | null
}

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromProfile = (session: Session) => readSessionValue(session, 'profile', 'priceTables')
const fromSegment = (segment: Segment) => segment.priceTables

/** The B2B price tables the session buys with (`profile.priceTables`, else the segment's), as ids. */
export function usePriceTables(): UsePriceTablesResult {
  const { list, isLoading, loadError } = useSessionList('usePriceTables', fromProfile, fromSegment)
  return { priceTables: list, isLoading, loadError, isPending: isLoading, error: loadError }
}
