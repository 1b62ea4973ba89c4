import type { Segment } from '../core/types'
import { readFrom, useSessionList } from './useSessionList'

const fromRnb = readFrom('rnb', 'campaigns')
const fromSegment = (segment: Segment) => segment.campaigns

/** The Campaign Audiences the session matches (`rnb.campaigns`, else the segment's `campaigns`), as ids. */
export function useCampaigns(): readonly string[] {
  return useSessionList('useCampaigns', fromRnb, fromSegment)
}
