import { useMemo } from 'react'
import { toIdList } from '../core/commerceInput'
import type { Segment, Session } from '../core/types'
import type { ReadState } from './readState'
import { useSegmentQuery, useSessionQuery } from './useSessionQuery'

const NONE: readonly string[] = []

export interface SessionList extends ReadState {
  /** The ids; empty while loading, on error, or when there are none (the read state tells those apart). */
  list: readonly string[]
}

/**
 * A list of ids read from the session first (`selectFromSession`), the segment as fallback
 * (`selectFromSegment`): the segment is only requested when the session does not have it.
 * The same list (same reference) comes back until its text changes.
 */
export function useSessionList(
  hookName: string,
  selectFromSession: (session: Session) => string | undefined,
  selectFromSegment: (segment: Segment) => string | null | undefined,
): SessionList {
  const fromSession = useSessionQuery(hookName, selectFromSession)
  // Loaded once (a failed refetch keeps the last session, and so the segment it fell back to) without the list.
  const needsSegment = fromSession.dataUpdatedAt > 0 && fromSession.data === undefined
  const fromSegment = useSegmentQuery(hookName, selectFromSegment, needsSegment)
  const value = fromSession.data ?? (needsSegment ? fromSegment.data : undefined)
  const list = useMemo(() => (value ? toIdList(value) : NONE), [value])
  return {
    list,
    isLoading: fromSession.isPending || (needsSegment && fromSegment.isPending),
    loadError: fromSession.error ?? (needsSegment ? fromSegment.error : null),
  }
}
