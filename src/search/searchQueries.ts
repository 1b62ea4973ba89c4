import { toRequestSettings } from '../core/request'
import type { ProductInput, ProductSearchInput, SearchAnswer, SearchClient } from './createSearchClient'
import { searchPathOf, searchQueryOf } from './searchContext'
import type { ProductSearchResult, SearchProduct } from './searchSchemas'

/**
 * Query keys of the search cache of one origin: what the request sends (the endpoint's own part of
 * the context, its own parameters), so equal requests are one key and one request, and a change
 * the endpoint does not take (a segment path facet, for a product page) re-keys nothing.
 */
export const searchKeysFor = (baseUrl: string) => {
  const all = ['vtex-search', toRequestSettings({ baseUrl }).baseUrl] as const
  return {
    all,
    productSearch: ({ context, query, facets, page, count, sort }: ProductSearchInput) =>
      [...all, 'product-search', searchPathOf(context, 'product-search'), searchQueryOf(context, 'product-search'), { query: query || undefined, facets: facets?.length ? facets : undefined, page, count, sort }] as const,
    product: ({ context, field, value }: ProductInput) => [...all, 'products', searchQueryOf(context, 'products'), { field, value }] as const,
  }
}

/**
 * How long an answer stays fresh: its `Cache-Control` `max-age` (VTEX says to read it, never to
 * assume it); `no-store`, `no-cache` or no header: not at all.
 */
export function freshnessOf(cacheControl: string | null | undefined): number {
  if (!cacheControl || /(^|,)\s*no-(store|cache)\b/i.test(cacheControl)) return 0
  const maxAge = /(^|,)\s*max-age=(\d+)/i.exec(cacheControl)
  return maxAge ? Number(maxAge[2]) * 1000 : 0
}

/** Options for `useQuery`, `prefetchQuery` or `ensureQueryData` (React Query's shape, no React needed). */
export interface SearchQueryOptions<T> {
  queryKey: readonly unknown[]
  queryFn: () => Promise<SearchAnswer<T>>
  staleTime: (query: { state: { data?: SearchAnswer<T> | undefined } }) => number
}

const staleTime = (query: { state: { data?: SearchAnswer<unknown> | undefined } }) => freshnessOf(query.state.data?.cacheControl)

export interface SearchKeySettings {
  /**
   * The `baseUrl` of the provider that will read this cache entry, when it is not the client's
   * (default: the client's). A server asks the store's origin; a page behind a same-origin proxy
   * has `''`.
   */
  providerBaseUrl?: string
}

// No abort signal, as for the session: React Query cancels a fetch that read its signal when its
// observers drop to zero, which StrictMode's remount does, and that would cost a second request.

/**
 * A page of products for a context, as query options: on the server (`prefetchQuery` with
 * `searchContextOf(segment, session)`, then dehydrate) or in the browser (`useProductSearch` uses
 * them). Fresh as long as the answer's `Cache-Control` says.
 */
export function productSearchOptions(client: SearchClient, input: ProductSearchInput, settings: SearchKeySettings = {}): SearchQueryOptions<ProductSearchResult> {
  const { signal: _signal, ...request } = input
  const keys = searchKeysFor(settings.providerBaseUrl ?? client.baseUrl)
  return { queryKey: keys.productSearch(request), queryFn: () => client.productSearch(request), staleTime }
}

/** One product (a product page) for a context, as query options. */
export function productOptions(client: SearchClient, input: ProductInput, settings: SearchKeySettings = {}): SearchQueryOptions<SearchProduct> {
  const { signal: _signal, ...request } = input
  const keys = searchKeysFor(settings.providerBaseUrl ?? client.baseUrl)
  return { queryKey: keys.product(request), queryFn: () => client.product(request), staleTime }
}
