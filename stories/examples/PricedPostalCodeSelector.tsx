import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Segment } from 'vtex-session-react'
import { PostalCodeSelector } from './PostalCodeSelector'
import { demoPriceQuery, PriceList } from './PriceList'

/**
 * The selector and the price list, with prices warmed while the shopper types: a complete postal
 * code predicts its region (`useRegionPrefetch`) and prefetches that segment's prices, so Apply
 * shows them as soon as the session write answers.
 */
export function PricedPostalCodeSelector() {
  const queryClient = useQueryClient()
  const prefetchForSegment = useCallback((segmentKey: string, segment: Segment) => queryClient.prefetchQuery(demoPriceQuery(segmentKey, segment)), [queryClient])
  return (
    <>
      <PostalCodeSelector prefetchForSegment={prefetchForSegment} />
      <PriceList />
    </>
  )
}
