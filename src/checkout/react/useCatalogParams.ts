import { useMemo } from 'react'
import { useSegment, type Segment, type Session } from 'vtex-session-react'
import { catalogParamsOf, type CatalogParams } from '../catalogParams'
import { useConfirmedState } from '../../subpaths/useConfirmedState'

/** The parameters as one text, so equal parameters are one snapshot. */
const paramsText = (session: Session | undefined, segment: Segment | undefined) => segment && JSON.stringify(catalogParamsOf(segment, session))

/**
 * @deprecated For the legacy Intelligent Search API only: use `useSearchContext()` (or
 * `useProductSearch`) from `vtex-session-react/search` for v1, which reads no cookie.
 *
 * The Intelligent Search parameters for this shopper (`catalogParamsOf` of the segment and the
 * session as the Session Manager confirmed them: never a write still in flight, so the region and
 * the postal code always come from one server state), `undefined` until the segment is loaded.
 * Equal parameters keep one identity, so the result can key a query: `useQuery({ queryKey: ['search', params], … })`.
 */
export function useCatalogParams(): CatalogParams | undefined {
  // Keeps the segment loaded (and re-read when it changes).
  useSegment()
  const text = useConfirmedState(paramsText)
  return useMemo(() => (text === undefined ? undefined : (JSON.parse(text) as CatalogParams)), [text])
}
