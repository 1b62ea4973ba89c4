import { useMemo } from 'react'
import { toIdList } from '../core/commerceInput'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { useSegmentQuery, useSessionQuery } from './useSessionQuery'

const NONE: readonly string[] = []

export interface SessionList {
  /** The ids; empty while loading, on error, or when there are none (tell those apart by the two fields below). */
  list: readonly string[]
  /** The session (or the segment it falls back to) is still loading: the list is not known yet. */
  isPending: boolean
  /** The load failed: the list is the last one known (empty if none). */
  error: SessionError | null
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
  const needsSegment = fromSession.isSuccess && fromSession.data === undefined
  const fromSegment = useSegmentQuery(hookName, selectFromSegment, needsSegment)
  const value = fromSession.data ?? (needsSegment ? fromSegment.data : undefined)
  const list = useMemo(() => (value ? toIdList(value) : NONE), [value])
  return {
    list,
    isPending: fromSession.isPending || (needsSegment && fromSegment.isPending),
    error: fromSession.error ?? (needsSegment ? fromSegment.error : null),
  }
}
