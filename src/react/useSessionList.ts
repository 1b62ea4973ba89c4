import { useMemo } from 'react'
import { toIdList } from '../core/commerceInput'
import type { Segment, Session } from '../core/types'
import { useSegmentQuery, useSessionQuery } from './useSessionQuery'

const NONE: readonly string[] = []

/**
 * A list of ids read from the session first (`selectFromSession`), the segment as fallback
 * (`selectFromSegment`): the segment is only requested when the session does not have it.
 * The same list (same reference) comes back until its text changes.
 */
export function useSessionList(
  hookName: string,
  selectFromSession: (session: Session) => string | undefined,
  selectFromSegment: (segment: Segment) => string | null | undefined,
): readonly string[] {
  const fromSession = useSessionQuery(hookName, selectFromSession)
  const needsSegment = fromSession.isSuccess && fromSession.data === undefined
  const fromSegment = useSegmentQuery(hookName, selectFromSegment, needsSegment)
  const value = fromSession.data ?? (needsSegment ? fromSegment.data : undefined)
  return useMemo(() => (value ? toIdList(value) : NONE), [value])
}
