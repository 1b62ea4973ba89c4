import { useCallback, useEffect, useMemo, useRef } from 'react'
import { toRegionFields, type RegionInput } from '../core/regionInput'
import { createRegionPredictor, predictSegment } from '../core/regionPrediction'
import type { Segment, Session } from '../core/types'
import { acceptedSession } from '../runtime/createSessionRuntime'
import { useSessionContext } from './SessionContext'

export interface UseRegionPrefetchOptions {
  /**
   * Warms the app's segment-keyed queries for a predicted segment, e.g.
   * `(key, segment) => queryClient.prefetchQuery(priceQueryOptions(key, segment))`: the same key
   * the confirmed segment will have if the prediction holds. `session` is the confirmed session
   * with the typed place, as `setRegion` will write it (for keys that read the session too, such
   * as `searchContextOf(segment, session)`).
   */
  prefetchForSegment: (segmentKey: string, segment: Segment, session: Session | undefined) => unknown
  /** How long the input must rest before the regions request (default 250 ms). */
  debounceMs?: number
}

export interface UseRegionPrefetchResult {
  /** Call it as the shopper types: a complete, valid place predicts its region and warms its queries. */
  prefetch: (input: RegionInput) => void
  /** Drops a prediction not yet started (call it on Apply); one already asking goes on. */
  cancel: () => void
}

/**
 * Prices before the answer: resolves the region a typed postal code (or coordinates) leads to
 * through the Checkout regions API and hands the predicted segment to `prefetchForSegment`, so the
 * prices are cached when `setRegion` confirms that segment. It never writes the session and never
 * shows a region the server has not confirmed; a wrong prediction costs only its prefetch.
 */
export function useRegionPrefetch({ prefetchForSegment, debounceMs }: UseRegionPrefetchOptions): UseRegionPrefetchResult {
  const { runtime } = useSessionContext('useRegionPrefetch')
  const { baseUrl, settings } = runtime.client
  const predictor = useMemo(() => createRegionPredictor({ baseUrl, ...settings, debounceMs }), [baseUrl, settings, debounceMs])
  const warm = useRef(prefetchForSegment)
  useEffect(() => {
    warm.current = prefetchForSegment
  })
  useEffect(() => predictor.cancel, [predictor])
  const prefetch = useCallback(
    (input: RegionInput) =>
      predictor.schedule(input, (regionId) => {
        // Built from what the server confirmed when the answer comes, not when typing started.
        const { session, segment: confirmed } = runtime.confirmed()
        if (confirmed === undefined || confirmed.regionId === regionId) return
        const { segmentKey, segment } = predictSegment(confirmed, regionId)
        // The session as the server will hold it: the typed place, and the predicted region beside it.
        void warm.current(segmentKey, segment, session && acceptedSession(session, toRegionFields(input), segment))
      }),
    [predictor, runtime],
  )
  return { prefetch, cancel: predictor.cancel }
}
