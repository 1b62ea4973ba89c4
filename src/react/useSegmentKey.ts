import { segmentKeyOf } from '../core/segmentKey'
import { useSegmentQuery } from './useSessionQuery'

/**
 * An opaque string that changes exactly when the segment changes (`undefined` until it is
 * loaded: on a shared page, until the shopper's own is read, never the page's stand-in). Put it
 * in the keys of price and availability queries so they refetch once per segment:
 * `useQuery({ queryKey: ['prices', segmentKey], enabled: !!segmentKey, … })`.
 * Use it or `dependentQueries` for a given query, not both (both would fetch twice).
 */
export function useSegmentKey(): string | undefined {
  const segment = useSegmentQuery('useSegmentKey', segmentKeyOf)
  return segment.isPlaceholderData ? undefined : segment.data
}
