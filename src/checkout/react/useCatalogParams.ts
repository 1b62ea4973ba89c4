import { useMemo } from 'react'
import { useSegment, useSession } from 'vtex-session-react'
import { catalogParamsOf, type CatalogParams } from '../catalogParams'

/**
 * The Intelligent Search parameters for this shopper (`catalogParamsOf` of the segment and the
 * session), `undefined` until the segment is loaded. Equal parameters keep one identity, so the
 * result can key a query: `useQuery({ queryKey: ['search', params], … })`.
 */
export function useCatalogParams(): CatalogParams | undefined {
  const segment = useSegment().data
  const session = useSession().data
  const params = segment && catalogParamsOf(segment, session)
  const facets = params?.facets
  const query = params?.query
  return useMemo(() => (facets === undefined || query === undefined ? undefined : { facets, query }), [facets, query])
}
