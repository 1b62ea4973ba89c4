import { readSessionValue } from '../core/readSessionValue'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import type { ReadState } from './readState'
import { useSessionList } from './useSessionList'

export interface UseCampaignsResult extends ReadState {
  /** The ids; `[]` also while loading or after a failed read: `isLoading` and `loadError` tell those apart. */
  campaigns: readonly string[]
  /** @deprecated since 0.2, removed in 0.3: use `isLoading` (this hook does not write). */
  isPending: boolean
  /** @deprecated since 0.2, removed in 0.3: use `loadError` (this hook does not write). */
  error: SessionError | null
}

// Plain functions, not factory calls: bundlers drop them from apps that do not use this hook.
const fromRnb = (session: Session) => readSessionValue(session, 'rnb', 'campaigns')
const fromSegment = (segment: Segment) => segment.campaigns

/** The Campaign Audiences the session matches (`rnb.campaigns`, else the segment's `campaigns`), as ids. */
export function useCampaigns(): UseCampaignsResult {
  const { list, isLoading, loadError } = useSessionList('useCampaigns', fromRnb, fromSegment)
  return { campaigns: list, isLoading, loadError, isPending: isLoading, error: loadError }
}
