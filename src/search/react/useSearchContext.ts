import { useMemo } from 'react'
import { useRegionGate, useSegment, useSessionSource, type Segment, type SessionError, type Session } from 'vtex-session-react'
import { useConfirmedState } from '../../subpaths/useConfirmedState'
import { searchContextOf, type SearchContext } from '../searchContext'

/** The context as one text, so equal contexts are one snapshot. */
const contextText = (session: Session | undefined, segment: Segment | undefined) => segment && JSON.stringify(searchContextOf(segment, session))

/** The confirmed context and why there is none (the session or segment read failed). */
export function useSearchContextState(): { context: SearchContext | undefined; sessionError: SessionError | null } {
  // Keeps the segment loaded (and re-read when it changes).
  const sessionError = useSegment().error
  const { pageSegment } = useSessionSource()
  // Until the shopper's segment is read, a shared page's own context (its segment alone, as the
  // server searched with it): never the shopper's session beside the page's segment.
  const text = useConfirmedState((session, segment) => (segment ? contextText(session, segment) : contextText(undefined, pageSegment())))
  // A search is regional: none while the shopper's place is being resolved, or missing where the store requires one.
  const { ready } = useRegionGate()
  const context = useMemo(() => (text === undefined || !ready ? undefined : (JSON.parse(text) as SearchContext)), [text, ready])
  return { context, sessionError }
}

/**
 * The shopper's search context (`searchContextOf` of the segment and session as the Session
 * Manager confirmed them: never a write still in flight), `undefined` until the segment is loaded
 * and the region gate is `ready` (see `useRegionGate`).
 * Equal contexts keep one identity, so it can key a query as it is.
 */
export const useSearchContext = (): SearchContext | undefined => useSearchContextState().context
