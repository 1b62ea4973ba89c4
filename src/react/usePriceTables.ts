import { readSessionValue } from '../core/readSessionValue'
import type { Segment, Session } from '../core/types'
import { useSessionList } from './useSessionList'

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromProfile = (session: Session) => readSessionValue(session, 'profile', 'priceTables')
const fromSegment = (segment: Segment) => segment.priceTables

/** The B2B price tables the session buys with (`profile.priceTables`, else the segment's), as ids. */
export function usePriceTables(): readonly string[] {
  return useSessionList('usePriceTables', fromProfile, fromSegment)
}
