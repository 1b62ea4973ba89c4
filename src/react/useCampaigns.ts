import { readSessionValue } from '../core/readSessionValue'
import type { Segment, Session } from '../core/types'
import { useSessionList } from './useSessionList'

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromRnb = (session: Session) => readSessionValue(session, 'rnb', 'campaigns')
const fromSegment = (segment: Segment) => segment.campaigns

/** The Campaign Audiences the session matches (`rnb.campaigns`, else the segment's `campaigns`), as ids. */
export function useCampaigns(): readonly string[] {
  return useSessionList('useCampaigns', fromRnb, fromSegment)
}
