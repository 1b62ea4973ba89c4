import { PostalCodeSelector } from './PostalCodeSelector'
import { PriceList } from './PriceList'
import { usePrefetchCatalogPage } from './storefront/usePrefetchCatalogPage'

/**
 * The selector and the price list, with prices warmed while the shopper types: a complete postal
 * code predicts its region (`useRegionPrefetch`) and prefetches that segment's search, so Apply
 * shows it as soon as the session write answers.
 */
export function PricedPostalCodeSelector() {
  const prefetchForSegment = usePrefetchCatalogPage()
  return (
    <>
      <PostalCodeSelector prefetchForSegment={prefetchForSegment} />
      <PriceList />
    </>
  )
}
