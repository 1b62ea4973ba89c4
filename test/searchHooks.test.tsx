import { dehydrate, HydrationBoundary, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, SessionProvider, sessionKeys, useRegion, useRegionPrefetch, useSession, useSessionRefresh, useUpdateSession } from '../src/index'
import { fetchSession, prefetchSession } from '../src/server/index'
import { createSearchClient, productSearchOptions, searchContextOf, useProduct, useProductSearch, useSearchClient } from '../src/search/index'
import { demoPriceOf } from '../src/testing/index'
import { createTestQueryClient, createWrapper, mock } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const KETTLE = 249

const searchRequests = () => mock.requests.filter(({ path }) => path.startsWith('/api/intelligent-search/v1/'))
const searchUrls = () => searchRequests().map(({ path }) => path)
const queryOf = (path: string | undefined) => Object.fromEntries(new URLSearchParams(path?.split('?')[1] ?? ''))
/** The kettle's price in a page of results (the demo catalog's sku-2). */
const kettlePrice = (data: { products: Array<{ items: Array<{ itemId: string; sellers: Array<{ commertialOffer: { Price: number } }> }> }> } | undefined) =>
  data?.products.flatMap((product) => product.items).find((item) => item.itemId === 'sku-2')?.sellers[0]?.commertialOffer.Price

/** A product listing that records the kettle price of every render. */
function useListing(shown: Array<number | undefined>) {
  const search = useProductSearch({ count: 12 })
  shown.push(kettlePrice(search.data))
  return { search, region: useRegion(), session: useSession(), update: useUpdateSession(), refresh: useSessionRefresh() }
}

async function renderListing(options: Parameters<typeof createWrapper>[0] = {}) {
  const shown: Array<number | undefined> = []
  const rendered = renderHook(() => useListing(shown), createWrapper(options))
  await waitFor(() => expect(rendered.result.current.search.data).toBeDefined())
  return { ...rendered, shown }
}

/** Every defined value, with repeats collapsed: what the shopper saw, in order. */
const seen = (shown: Array<number | undefined>) => shown.filter((price, index) => price !== undefined && price !== shown[index - 1])

describe('useProductSearch: a product listing priced for the session', () => {
  it('waits for the segment, then asks v1 once with the context, and shows the answer', async () => {
    const { result, shown } = await renderListing({ strict: true })
    expect(shown[0]).toBeUndefined()
    expect(searchUrls()).toEqual(['/api/intelligent-search/v1/product-search?count=12&locale=pt-BR&sc=1&country=BRA'])
    // No search went out before the session's context was known.
    const firstSearch = mock.requests.findIndex(({ path }) => path.startsWith('/api/intelligent-search'))
    expect(mock.requests.slice(0, firstSearch).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.search).toMatchObject({ isLoading: false, loadError: null, isPlaceholderData: false, cacheControl: 'public, max-age=600' })
    expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, {}))
  })

  it('re-prices in place on a region change: one new search, the old prices on screen until the new ones, never empty', async () => {
    const { result, shown } = await renderListing()
    const national = kettlePrice(result.current.search.data)
    mock.setLatency(({ path }) => (path.startsWith('/api/intelligent-search') ? 80 : 0))
    const mark = shown.length
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.search.isPlaceholderData).toBe(true))
    expect(kettlePrice(result.current.search.data)).toBe(national)
    await waitFor(() => expect(result.current.search.isPlaceholderData).toBe(false))
    const regional = demoPriceOf(KETTLE, { regionId: RIO })
    expect(regional).not.toBe(national)
    expect(shown.slice(mark)).not.toContain(undefined)
    expect(seen(shown)).toEqual([national, regional])
    expect(searchUrls()).toHaveLength(2)
    expect(queryOf(searchUrls()[1])).toEqual({ count: '12', locale: 'pt-BR', sc: '1', regionId: RIO, 'zip-code': '22250-040', country: 'BRA' })
  })

  it('re-prices when a log-in brings price tables: priceTables reaches the wire', async () => {
    const { result, shown } = await renderListing()
    mock.logIn(result.current.session.data?.id ?? '', { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    await act(() => result.current.refresh.refreshSession())
    await waitFor(() => expect(searchUrls()).toHaveLength(2))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { priceTables: 'b2b-gold' })))
    expect(queryOf(searchUrls()[1]).priceTables).toBe('b2b-gold')
    expect(seen(shown)).toEqual([demoPriceOf(KETTLE, {}), demoPriceOf(KETTLE, { priceTables: 'b2b-gold' })])
  })

  it('re-prices for a UTM landing: the campaign and the audience it matches reach the wire', async () => {
    const { result } = await renderListing()
    await act(() => result.current.update.mutateAsync({ utm_campaign: 'black-friday' }))
    await waitFor(() => expect(searchUrls()).toHaveLength(2))
    expect(queryOf(searchUrls()[1])).toMatchObject({ utmCampaign: 'black-friday', campaigns: 'black-friday' })
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { campaigns: 'black-friday' })))
  })

  it('follows a pickup point chosen in the delivery promise: pickupPoint reaches the wire and a product it lacks is unavailable', async () => {
    const { result } = await renderListing()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '20040-002' }))
    await act(() => result.current.update.mutateAsync({ facets: 'zip-code=20040-002;country=BRA;pickupPoint=rio-centro' }))
    await waitFor(() => expect(searchUrls().some((url) => queryOf(url).pickupPoint === 'rio-centro')).toBe(true))
    await waitFor(() => expect(result.current.search.isPlaceholderData).toBe(false))
    const grinder = result.current.search.data?.products.flatMap((product) => product.items).find((item) => item.itemId === 'sku-4')
    expect(grinder?.sellers[0]?.commertialOffer.AvailableQuantity).toBe(0)
  })

  it('is priced by the context it sends, not by the cookie: the same search without context answers default prices', async () => {
    const { result } = await renderListing()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { regionId: RIO })))
    // The browser holds the shopper's cookies; v1 ignores them.
    const bare = await createSearchClient().productSearch({ context: { params: {}, facets: '' }, count: 12 })
    expect(kettlePrice(bare.data)).toBe(demoPriceOf(KETTLE, {}))
  })

  it('shows a failed session read as loadError, with no search request', async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    const { result } = renderHook(() => useProductSearch(), createWrapper())
    await waitFor(() => expect(result.current.loadError).not.toBeNull())
    expect(result.current).toMatchObject({ isLoading: false, data: undefined })
    expect(searchRequests()).toEqual([])
  })

  it('shows a failed search as loadError and keeps the session', async () => {
    mock.fail({ kind: 'http', status: 500 }, { method: 'GET', path: '/api/intelligent-search/v1/product-search' })
    const { result } = renderHook(() => ({ search: useProductSearch(), session: useSession() }), createWrapper())
    await waitFor(() => expect(result.current.search.loadError).not.toBeNull())
    expect(result.current.search.loadError).toMatchObject({ kind: 'http', status: 500 })
    expect(result.current.session.data?.id).toBeDefined()
  })
})

/** What a search shows in one render: the kettle's price and the read state beside it. */
const frameOf = (search: { data?: unknown; loadError: { kind: string; status?: number } | null; isPlaceholderData: boolean; isLoading: boolean }, price: number | undefined) => ({
  price,
  loadError: search.loadError && `${search.loadError.kind} ${search.loadError.status}`,
  isPlaceholderData: search.isPlaceholderData,
  isLoading: search.isLoading,
})
type Frame = ReturnType<typeof frameOf>
/** The render log with consecutive equal frames collapsed: every distinct thing the shopper saw, in order. */
const framesSeen = (frames: Frame[]) => frames.filter((frame, index) => index === 0 || JSON.stringify(frame) !== JSON.stringify(frames[index - 1]))

describe('a re-price whose search fails keeps the previous context’s results on screen, with loadError', () => {
  it('useProductSearch: the national grid stays, marked as placeholder, beside the 503; a refetch then shows the regional one', async () => {
    const frames: Frame[] = []
    const { result } = renderHook(
      () => {
        const search = useProductSearch({ count: 12 })
        frames.push(frameOf(search, kettlePrice(search.data)))
        return { search, region: useRegion() }
      },
      createWrapper(),
    )
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/intelligent-search/v1/product-search' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.search.loadError).not.toBeNull())
    // The retry answers late, so the render while it is on its way is seen.
    mock.setLatency(({ path }) => (path.startsWith('/api/intelligent-search') ? 50 : 0))
    act(() => void result.current.search.refetch())
    await waitFor(() => expect(result.current.search.isPlaceholderData).toBe(false))
    const national = demoPriceOf(KETTLE, {})
    const regional = demoPriceOf(KETTLE, { regionId: RIO })
    expect(framesSeen(frames)).toEqual([
      { price: undefined, loadError: null, isPlaceholderData: false, isLoading: true },
      { price: national, loadError: null, isPlaceholderData: false, isLoading: false },
      { price: national, loadError: null, isPlaceholderData: true, isLoading: false },
      { price: national, loadError: 'http 503', isPlaceholderData: true, isLoading: false },
      { price: national, loadError: null, isPlaceholderData: true, isLoading: false },
      { price: regional, loadError: null, isPlaceholderData: false, isLoading: false },
    ])
    expect(searchRequests().map(({ method, path }) => [method, queryOf(path).regionId])).toEqual([
      ['GET', undefined],
      ['GET', RIO],
      ['GET', RIO],
    ])
  })

  it('useProduct: the product stays at its previous price beside the 503, never blank', async () => {
    const frames: Frame[] = []
    const { result } = renderHook(
      () => {
        const product = useProduct({ field: 'slug', value: 'pour-over-kettle' })
        frames.push(frameOf(product, product.data?.items[0]?.sellers[0]?.commertialOffer.Price))
        return { product, region: useRegion() }
      },
      createWrapper(),
    )
    await waitFor(() => expect(result.current.product.data).toBeDefined())
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/intelligent-search/v1/products' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.product.loadError).not.toBeNull())
    const national = demoPriceOf(KETTLE, {})
    expect(framesSeen(frames)).toEqual([
      { price: undefined, loadError: null, isPlaceholderData: false, isLoading: true },
      { price: national, loadError: null, isPlaceholderData: false, isLoading: false },
      { price: national, loadError: null, isPlaceholderData: true, isLoading: false },
      { price: national, loadError: 'http 503', isPlaceholderData: true, isLoading: false },
    ])
    expect(searchUrls().map((path) => queryOf(path).regionId)).toEqual([undefined, RIO])
  })

  it('useProduct: a product whose own first request fails shows nothing of the product before it', async () => {
    const frames: Frame[] = []
    const { result, rerender } = renderHook(
      ({ value }) => {
        const product = useProduct({ field: 'slug', value })
        frames.push(frameOf(product, product.data?.items[0]?.sellers[0]?.commertialOffer.Price))
        return product
      },
      { ...createWrapper(), initialProps: { value: 'pour-over-kettle' } },
    )
    await waitFor(() => expect(result.current.data).toBeDefined())
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/intelligent-search/v1/products' })
    rerender({ value: 'ceramic-mug' })
    await waitFor(() => expect(result.current.loadError).not.toBeNull())
    expect(framesSeen(frames)).toEqual([
      { price: undefined, loadError: null, isPlaceholderData: false, isLoading: true },
      { price: demoPriceOf(KETTLE, {}), loadError: null, isPlaceholderData: false, isLoading: false },
      { price: undefined, loadError: null, isPlaceholderData: false, isLoading: true },
      { price: undefined, loadError: 'http 503', isPlaceholderData: false, isLoading: false },
    ])
  })
})

describe('useProductSearch: the result contract at its edges', () => {
  it('does not search on refetch() before the context is known: the session failed, nothing is mispriced', async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    const { result } = renderHook(() => useProductSearch(), createWrapper())
    await waitFor(() => expect(result.current.loadError).not.toBeNull())
    await act(async () => void result.current.refetch())
    expect(searchRequests()).toEqual([])
    expect(result.current.data).toBeUndefined()
  })

  it('keeps a priced grid on screen when a later re-read of the segment fails', async () => {
    const { result } = renderHook(() => ({ search: useProductSearch({ count: 12 }), queryClient: useQueryClient() }), createWrapper())
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/segments' })
    await act(() => result.current.queryClient.refetchQueries({ queryKey: sessionKeys.segment }))
    expect(result.current.queryClient.getQueryState(sessionKeys.segment)?.error).toMatchObject({ status: 503 })
    expect(result.current.search).toMatchObject({ loadError: null, isLoading: false })
    expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, {}))
  })

  it('is not loading when the app holds it (enabled: false), and asks nothing', async () => {
    const { result } = renderHook(() => ({ search: useProductSearch({ query: 'ke', enabled: false }), session: useSession() }), createWrapper())
    await waitFor(() => expect(result.current.session.data).toBeDefined())
    await waitFor(() => expect(result.current.search.isLoading).toBe(false))
    expect(searchRequests()).toEqual([])
  })

  it('does not retry a 404 even when the app’s QueryClient retries (a "not found" shows at once); it does retry a 5xx', async () => {
    const retrying = createTestQueryClient({ retry: 1, retryDelay: 0 })
    const { result } = renderHook(() => useProduct({ field: 'slug', value: 'no-such-product' }), createWrapper({ queryClient: retrying }))
    await waitFor(() => expect(result.current.loadError).toMatchObject({ kind: 'http', status: 404 }))
    expect(searchRequests()).toHaveLength(1)
    mock.fail({ kind: 'http', status: 503 }, { path: '/api/intelligent-search/v1/product-search' })
    const search = renderHook(() => useProductSearch(), createWrapper({ queryClient: retrying }))
    await waitFor(() => expect(search.result.current.data).toBeDefined())
    expect(searchRequests().filter(({ path }) => path.includes('product-search'))).toHaveLength(2)
  })
})

describe('useProduct: a product page priced for the session', () => {
  it('asks v1 products by slug with the context, and keeps the product on screen while a region change re-prices it', async () => {
    const shown: Array<number | undefined> = []
    const { result } = renderHook(
      () => {
        const product = useProduct({ field: 'slug', value: 'pour-over-kettle' })
        shown.push(product.data?.items[0]?.sellers[0]?.commertialOffer.Price)
        return { product, region: useRegion() }
      },
      createWrapper(),
    )
    await waitFor(() => expect(result.current.product.data?.productName).toBe('Pour-over kettle'))
    expect(searchUrls()).toEqual(['/api/intelligent-search/v1/products?field=slug&value=pour-over-kettle&locale=pt-BR&sc=1&country=BRA'])
    const mark = shown.length
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(shown.at(-1)).toBe(demoPriceOf(KETTLE, { regionId: RIO })))
    expect(shown.slice(mark)).not.toContain(undefined)
    expect(queryOf(searchUrls()[1])).toMatchObject({ regionId: RIO })
  })

  it('is placed like the listing: a pickup point that lacks the product re-asks it once with pickupPoint, and it shows unavailable there', async () => {
    // What the product page shows, render by render: the grinder's stock (sku-4, which the Centro locker lacks).
    const shown: Array<number | undefined> = []
    const { result } = renderHook(
      () => {
        const product = useProduct({ field: 'slug', value: 'burr-grinder' })
        shown.push(product.data?.items[0]?.sellers[0]?.commertialOffer.AvailableQuantity)
        return { product, region: useRegion(), update: useUpdateSession() }
      },
      createWrapper(),
    )
    await waitFor(() => expect(result.current.product.data?.productName).toBe('Burr grinder'))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '20040-002' }))
    await waitFor(() => expect(searchUrls()).toHaveLength(2))
    await waitFor(() => expect(result.current.product.isPlaceholderData).toBe(false))
    const mark = shown.length
    await act(() => result.current.update.mutateAsync({ facets: 'zip-code=20040-002;country=BRA;pickupPoint=rio-centro' }))
    await waitFor(() => expect(shown.at(-1)).toBe(0))
    expect(searchRequests().map(({ method, path }) => [method, path.split('?')[0], queryOf(path)])).toEqual([
      ['GET', '/api/intelligent-search/v1/products', { field: 'slug', value: 'burr-grinder', locale: 'pt-BR', sc: '1', country: 'BRA' }],
      ['GET', '/api/intelligent-search/v1/products', { field: 'slug', value: 'burr-grinder', locale: 'pt-BR', sc: '1', regionId: RIO, 'zip-code': '20040-002', country: 'BRA' }],
      ['GET', '/api/intelligent-search/v1/products', { field: 'slug', value: 'burr-grinder', locale: 'pt-BR', sc: '1', regionId: RIO, 'zip-code': '20040-002', country: 'BRA', pickupPoint: 'rio-centro' }],
    ])
    // Nothing before the first answer; then in stock by delivery, in stock while the pickup point
    // re-asks (the product stays on screen), and unavailable at the point once it answers.
    const firstShown = shown.findIndex((stock) => stock !== undefined)
    expect(shown.slice(0, firstShown).every((stock) => stock === undefined)).toBe(true)
    expect(shown.slice(firstShown).filter((stock, index, all) => stock !== all[index - 1])).toEqual([100, 0])
    expect(shown.slice(mark).filter((stock) => stock === undefined)).toEqual([])
  })

  it('never shows the previous product for another one', async () => {
    const { result, rerender } = renderHook(({ value }) => useProduct({ field: 'slug', value }), { ...createWrapper(), initialProps: { value: 'pour-over-kettle' } })
    await waitFor(() => expect(result.current.data?.productName).toBe('Pour-over kettle'))
    rerender({ value: 'ceramic-mug' })
    expect(result.current.data).toBeUndefined()
    await waitFor(() => expect(result.current.data?.productName).toBe('Ceramic mug'))
  })
})

/** A listing whose postal-code field warms the search for the region it predicts, as docs/search.md shows. */
function usePrefetchingListing() {
  const queryClient = useQueryClient()
  const client = useSearchClient()
  const search = useProductSearch({ count: 12 })
  const { prefetch } = useRegionPrefetch({
    debounceMs: 0,
    prefetchForSegment: (_key, segment, session) => queryClient.prefetchQuery(productSearchOptions(client, { context: searchContextOf(segment, session), count: 12 })),
  })
  return { search, prefetch, region: useRegion() }
}

describe('useRegionPrefetch warms the search for a predicted region', () => {
  it('fetches the predicted search while typing; Apply shows it with no search request after it', async () => {
    const { result } = renderHook(usePrefetchingListing, createWrapper())
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    act(() => result.current.prefetch({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(searchUrls()).toHaveLength(2))
    expect(queryOf(searchUrls()[1])).toMatchObject({ regionId: RIO, 'zip-code': '22250-040' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { regionId: RIO })))
    expect(result.current.search.isPlaceholderData).toBe(false)
    expect(searchUrls()).toHaveLength(2)
  })
})

describe('useRegionPrefetch from a shopper who already has a region', () => {
  it('warms the new region’s search (its region id, not the old one) so Apply asks for nothing more', async () => {
    const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
    const { result } = renderHook(usePrefetchingListing, createWrapper())
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { regionId: SAO_PAULO })))
    const mark = searchUrls().length
    act(() => result.current.prefetch({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(searchUrls()).toHaveLength(mark + 1))
    expect(queryOf(searchUrls()[mark])).toMatchObject({ regionId: RIO, 'zip-code': '22250-040' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(demoPriceOf(KETTLE, { regionId: RIO })))
    expect(searchUrls()).toHaveLength(mark + 1)
  })
})

describe('a search prefetched on the server', () => {
  it('renders at once in the browser, priced for the shopper, with no session or search request', async () => {
    const SERVER_BASE_URL = window.location.origin
    const serverClient = createTestQueryClient()
    // A returning shopper in Rio: the server reads their session, then their search.
    const first = await fetchSession({ baseUrl: SERVER_BASE_URL, cookie: null })
    const cookie = first.setCookie.map((line) => line.split(';')[0]).join('; ')
    await createSessionClient({ baseUrl: SERVER_BASE_URL, headers: { cookie } }).editSession({ country: 'BRA', postalCode: '22250-040' })
    const { session, segment } = await prefetchSession(serverClient, { baseUrl: SERVER_BASE_URL, cookie, providerBaseUrl: '' })
    const search = createSearchClient({ baseUrl: SERVER_BASE_URL })
    await serverClient.prefetchQuery(productSearchOptions(search, { context: searchContextOf(segment, session), count: 12 }, { providerBaseUrl: '' }))
    const mark = mock.requests.length
    const browserClient = createTestQueryClient()
    const { result } = renderHook(() => useProductSearch({ count: 12 }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={browserClient}>
          <HydrationBoundary state={dehydrate(serverClient)}>
            <SessionProvider>{children}</SessionProvider>
          </HydrationBoundary>
        </QueryClientProvider>
      ),
    })
    expect(kettlePrice(result.current.data)).toBe(demoPriceOf(KETTLE, { regionId: RIO }))
    expect(browserClient.isFetching()).toBe(0)
    expect(mock.requests.slice(mark)).toEqual([])
  })
})
