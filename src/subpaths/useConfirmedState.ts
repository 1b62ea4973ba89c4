import { useCallback, useSyncExternalStore } from 'react'
import { useSessionSource, type Segment, type Session } from 'vtex-session-react'

/**
 * What `select` makes of the session and segment as the Session Manager last confirmed them —
 * without the writes still in flight — both read in one snapshot. Both are `undefined` until
 * loaded. `select` should return a value `Object.is` can compare (a string keeps renders to real changes).
 */
export function useConfirmedState<T>(select: (session: Session | undefined, segment: Segment | undefined) => T): T {
  const { queryClient, confirmedSession, confirmedSegment } = useSessionSource()
  // Every confirmation is painted into the cache, so an update is when to look again (not other
  // events: some fire while another component renders). Snapshots compare by value: an update of
  // another query re-renders nothing.
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(({ type }) => type === 'updated' && onChange()), [queryClient])
  const snapshot = () => select(confirmedSession(), confirmedSegment())
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
