import { useQuery } from '@tanstack/react-query'
import { segmentQueryOptions } from './queryOptions'
import { segmentKeyOf } from '../core/segmentKey'
import { useSessionContext } from './SessionContext'

/**
 * An opaque string that changes exactly when the segment changes (`undefined` until it
 * is loaded). Put it in the keys of price and availability queries so they refetch once
 * per segment: `useQuery({ queryKey: ['prices', segmentKey], enabled: !!segmentKey, … })`.
 * Use it or `dependentQueries` for a given query, not both (both would fetch twice).
 */
export function useSegmentKey(): string | undefined {
  const { client, queryClient } = useSessionContext('useSegmentKey')
  return useQuery({ ...segmentQueryOptions(client), select: segmentKeyOf }, queryClient).data
}
