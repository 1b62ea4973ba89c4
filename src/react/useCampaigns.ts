import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { useSessionList } from './useSessionList'

export interface UseCampaignsResult {
  /** The ids; `[]` also while loading or after an error: `isPending` and `error` tell those apart. */
  campaigns: readonly string[]
  isPending: boolean
  error: SessionError | null
}

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromRnb = (session: Session) => readSessionValue(session, 'rnb', 'campaigns')
const fromSegment = (segment: Segment) => segment.campaigns

/** The Campaign Audiences the session matches (`rnb.campaigns`, else the segment's `campaigns`), as ids. */
export function useCampaigns(): UseCampaignsResult {
  const { list, isPending, error } = useSessionList('useCampaigns', fromRnb, fromSegment)
  return { campaigns: list, isPending, error }
}
