import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'
import type { Segment } from '../core/types'
import { segmentKeyOf } from '../core/segmentKey'
import { sessionKeys } from './sessionKeys'

const segmentHash = hashKey(sessionKeys.segment)

/**
 * Invalidates the app's segment-dependent queries (prices, availability) once each
 * time the cached segment changes — by a write or by a refetch. The first load is
 * not a change. Returns the unsubscribe function.
 */
export function invalidateOnSegmentChange(
  queryClient: QueryClient,
  dependentQueries: () => readonly QueryKey[],
): () => void {
  const current = queryClient.getQueryData<Segment>(sessionKeys.segment)
  let lastKey = current === undefined ? undefined : segmentKeyOf(current)
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryHash !== segmentHash) return
    const segment = event.query.state.data as Segment | undefined
    if (segment === undefined) return
    const key = segmentKeyOf(segment)
    if (lastKey !== undefined && key !== lastKey) {
      for (const queryKey of dependentQueries()) void queryClient.invalidateQueries({ queryKey })
    }
    lastKey = key
  })
}
