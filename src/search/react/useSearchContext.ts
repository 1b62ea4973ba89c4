import { useMemo } from 'react'
import { useSegment, type Segment, type SessionError, type Session } from 'vtex-session-react'
import { useConfirmedState } from '../../subpaths/useConfirmedState'
import { searchContextOf, type SearchContext } from '../searchContext'

/** The context as one text, so equal contexts are one snapshot. */
const contextText = (session: Session | undefined, segment: Segment | undefined) => segment && JSON.stringify(searchContextOf(segment, session))

/** The confirmed context and why there is none (the session or segment read failed). */
export function useSearchContextState(): { context: SearchContext | undefined; sessionError: SessionError | null } {
  // Keeps the segment loaded (and re-read when it changes).
  const sessionError = useSegment().error
  const text = useConfirmedState(contextText)
  const context = useMemo(() => (text === undefined ? undefined : (JSON.parse(text) as SearchContext)), [text])
  return { context, sessionError }
}

/**
 * The shopper's search context (`searchContextOf` of the segment and session as the Session
 * Manager confirmed them: never a write still in flight), `undefined` until the segment is loaded.
 * Equal contexts keep one identity, so it can key a query as it is.
 */
export const useSearchContext = (): SearchContext | undefined => useSearchContextState().context
