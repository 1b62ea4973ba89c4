import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useLocale, type Segment, type Session } from 'vtex-session-react'
import { productSearchOptions, searchContextOf, useProductSearch, useSearchClient } from 'vtex-session-react/search'
import { catalogPage } from './catalogPage'
import { formatMoney } from './money'


/**
 * `useRegionPrefetch`'s callback for the price list: the same search for the predicted segment
 * and session, so the prices are cached when `setRegion` confirms them.
 */
export function usePrefetchCatalogPage() {
  const queryClient = useQueryClient()
  const client = useSearchClient()
  return useCallback(
    (_segmentKey: string, segment: Segment, session: Session | undefined) =>
      queryClient.prefetchQuery(productSearchOptions(client, { ...catalogPage, context: searchContextOf(segment, session) })),
    [queryClient, client],
  )
}

/**
 * A product grid priced for the session by Intelligent Search v1: the confirmed search context
 * keys the query, so it refetches exactly once per change, and the old prices stay on screen
 * (dimmed) meanwhile: never a flash of empty content.
 */
export function PriceList() {
  const search = useProductSearch(catalogPage)
  const { currencyCode, cultureInfo } = useLocale()
  if (search.isLoading) return <p>Loading prices…</p>
  if (search.loadError) return <p role="alert">{search.loadError.message}</p>
  const updating = search.isPlaceholderData || search.isFetching
  return (
    <section aria-busy={updating} style={{ opacity: search.isPlaceholderData ? 0.5 : 1, transition: 'opacity 150ms' }}>
      <p data-testid="price-status">{updating ? 'Updating prices…' : 'Prices up to date'}</p>
      <ul data-testid="prices" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 14rem)', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
        {search.data?.products.map((product) => (
          <li key={product.productId} style={{ border: '1px solid #ccc', borderRadius: 6, padding: '0.5rem' }}>
            <strong>{product.productName}</strong>
            <br />
            {formatMoney(product.items[0]?.sellers[0]?.commertialOffer.Price ?? 0, currencyCode, cultureInfo)}
          </li>
        ))}
      </ul>
    </section>
  )
}
