import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSegmentKey, type Segment } from 'vtex-session-react'
import type { DemoProduct } from 'vtex-session-react/testing'

/**
 * The price query of a segment key. The confirmed segment's prices come for the shopper's cookie;
 * a predicted segment's (`segment` given, from `useRegionPrefetch`) name their region, as a catalog
 * request's `region-id` facet does. Fresh for a minute, so prices warmed before Apply are used as
 * they are when the segment is confirmed.
 */
export const demoPriceQuery = (segmentKey: string | undefined, segment?: Segment) => ({
  queryKey: ['demo-prices', segmentKey] as const,
  queryFn: async (): Promise<DemoProduct[]> => {
    const response = await fetch(segment ? `/api/demo/prices?regionId=${encodeURIComponent(segment.regionId ?? '')}` : '/api/demo/prices', { credentials: 'include' })
    if (!response.ok) throw new Error(`Prices answered ${response.status}`)
    return (await response.json()) as DemoProduct[]
  },
  enabled: segmentKey !== undefined,
  staleTime: 60_000,
})

/**
 * A product grid priced per segment. The segment key in the query key makes it refetch
 * exactly once per segment change; `keepPreviousData` keeps the old prices on screen
 * (dimmed) meanwhile, so there is never a flash of empty content.
 */
export function PriceList() {
  const segmentKey = useSegmentKey()
  const prices = useQuery({ ...demoPriceQuery(segmentKey), placeholderData: keepPreviousData })
  if (prices.isPending) return <p>Loading prices…</p>
  if (prices.isError) return <p role="alert">{prices.error.message}</p>
  return (
    <section aria-busy={prices.isFetching} style={{ opacity: prices.isFetching ? 0.5 : 1, transition: 'opacity 150ms' }}>
      <p data-testid="price-status">{prices.isFetching ? 'Updating prices…' : 'Prices up to date'}</p>
      <ul data-testid="prices" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 14rem)', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
        {prices.data.map((product) => (
          <li key={product.id} style={{ border: '1px solid #ccc', borderRadius: 6, padding: '0.5rem' }}>
            <strong>{product.name}</strong>
            <br />
            {new Intl.NumberFormat('en', { style: 'currency', currency: product.currencyCode }).format(product.price)}
          </li>
        ))}
      </ul>
    </section>
  )
}
