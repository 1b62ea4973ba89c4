import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { useSessionList } from './useSessionList'

export interface UsePriceTablesResult {
  /** The ids; `[]` also while loading or after an error: `isPending` and `error` tell those apart. */
  priceTables: readonly string[]
  isPending: boolean
  error: SessionError | null
}

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromProfile = (session: Session) => readSessionValue(session, 'profile', 'priceTables')
const fromSegment = (segment: Segment) => segment.priceTables

/** The B2B price tables the session buys with (`profile.priceTables`, else the segment's), as ids. */
export function usePriceTables(): UsePriceTablesResult {
  const { list, isPending, error } = useSessionList('usePriceTables', fromProfile, fromSegment)
  return { priceTables: list, isPending, error }
}
