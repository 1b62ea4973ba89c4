import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createRegionPredictor, predictSegment, SessionProvider, segmentKeyOf, useRegion, useRegionPrefetch, useSegment, useSegmentKey, type Segment } from '../src/index'
import { createTestQueryClient, mock, server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
const regionRequests = () => mock.requests.filter(({ path }) => path.startsWith('/api/checkout/pub/regions'))
const sessionManagerRequests = () => mock.requests.filter(({ path }) => /^\/api\/(sessions|segments)/.test(path))

describe('createRegionPredictor (core)', () => {
  it('resolves the region of a complete, valid place through the regions API, once per place', async () => {
    const predictor = createRegionPredictor({ baseUrl: 'http://localhost:3000' })
    expect(await predictor.regionOf({ country: 'BRA', postalCode: '22250-040' })).toBe(RIO)
    expect(await predictor.regionOf({ country: 'BRA', postalCode: '22250040' })).toBe(RIO)
    expect(await predictor.regionOf({ country: 'BRA', geoCoordinates: [-46.63, -23.55] })).toBe(SAO_PAULO)
    expect(await predictor.regionOf({ country: 'BRA', postalCode: '99999-999' })).toBeNull()
    expect(await predictor.regionOf({ country: 'BRA', postalCode: '2225' })).toBeUndefined()
    expect(regionRequests().map(({ path }) => path)).toEqual([
      '/api/checkout/pub/regions?country=BRA&postalCode=22250-040',
      '/api/checkout/pub/regions?country=BRA&geoCoordinates=-46.63;-23.55',
      '/api/checkout/pub/regions?country=BRA&postalCode=99999-999',
    ])
    expect(sessionManagerRequests()).toEqual([])
  })

  it('keeps the sign of coordinates in its cache: (-43.18, -22.94) and (43.18, 22.94) are two places', async () => {
    const predictor = createRegionPredictor({ baseUrl: 'http://localhost:3000' })
    expect(await predictor.regionOf({ country: 'BRA', geoCoordinates: [-43.18, -22.94] })).toBe(RIO)
    expect(await predictor.regionOf({ country: 'BRA', geoCoordinates: [43.18, 22.94] })).toBeNull()
    expect(regionRequests()).toHaveLength(2)
  })

  it('debounces as the shopper types, cancels the previous request, and keeps at most one in flight', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const predictor = createRegionPredictor({ baseUrl: 'http://localhost:3000', debounceMs: 100 })
      const heard: Array<string | null> = []
      for (const typed of ['2', '22', '222', '2225', '22250', '222500', '2225004', '22250040']) predictor.schedule({ country: 'BRA', postalCode: typed }, (regionId) => heard.push(regionId))
      await vi.advanceTimersByTimeAsync(99)
      expect(regionRequests()).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(1)
      vi.useRealTimers()
      await waitFor(() => expect(heard).toEqual([RIO]))
      expect(regionRequests()).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('cancels a request in flight when the input changes: only the latest place is heard', async () => {
    const predictor = createRegionPredictor({ baseUrl: 'http://localhost:3000', debounceMs: 0 })
    mock.setLatency(({ path }) => (path.includes('22250') ? 200 : 0))
    const heard: Array<string | null> = []
    predictor.schedule({ country: 'BRA', postalCode: '22250-040' }, (regionId) => heard.push(regionId))
    await waitFor(() => expect(regionRequests()).toHaveLength(1))
    predictor.schedule({ country: 'BRA', postalCode: '01310-100' }, (regionId) => heard.push(regionId))
    await waitFor(() => expect(heard).toEqual([SAO_PAULO]))
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(heard).toEqual([SAO_PAULO])
  })

  it('predicts the confirmed segment with the new regionId, keyed as the confirmed one will be', () => {
    const confirmed: Segment = { channel: '1', regionId: null, priceTables: null, cultureInfo: 'pt-BR' }
    expect(predictSegment(confirmed, RIO)).toEqual({ segment: { ...confirmed, regionId: RIO }, segmentKey: segmentKeyOf({ cultureInfo: 'pt-BR', regionId: RIO, channel: '1', priceTables: null }) })
  })
})

/** A storefront's price query for a segment: `region` only for a prefetch (the confirmed one reads the cookie). */
const priceQuery = (segmentKey: string | undefined, fetched: string[], segment?: Segment) => ({
  queryKey: ['prices', segmentKey],
  queryFn: async () => {
    fetched.push(segment ? `prefetch ${segment.regionId}` : `confirmed ${segmentKey}`)
    const response = await fetch(`/api/demo/prices${segment ? `?regionId=${segment.regionId ?? ''}` : ''}`, { credentials: 'include' })
    return (await response.json()) as Array<{ price: number }>
  },
  enabled: segmentKey !== undefined,
  staleTime: 60_000,
})

function useStorefront(fetched: string[], shown: Array<number | undefined>) {
  const queryClient = useQueryClient()
  const segmentKey = useSegmentKey()
  const prices = useQuery(priceQuery(segmentKey, fetched))
  shown.push(prices.data?.[0]?.price)
  const { prefetch } = useRegionPrefetch({ prefetchForSegment: (key, segment) => queryClient.prefetchQuery(priceQuery(key, fetched, segment)), debounceMs: 0 })
  return { region: useRegion(), segment: useSegment(), prices, prefetch }
}

async function renderStorefront() {
  const queryClient = createTestQueryClient()
  const fetched: string[] = []
  const shown: Array<number | undefined> = []
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>{children}</SessionProvider>
    </QueryClientProvider>
  )
  const rendered = renderHook(() => useStorefront(fetched, shown), { wrapper })
  await waitFor(() => expect(rendered.result.current.prices.data).toBeDefined())
  return { ...rendered, fetched, shown }
}

describe('useRegionPrefetch', () => {
  it('warms the prices for the predicted segment while typing; Apply shows them with no prices request after it', async () => {
    const { result, fetched } = await renderStorefront()
    const before = result.current.prices.data
    const mark = mock.requests.length
    act(() => result.current.prefetch({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(fetched).toContain(`prefetch ${RIO}`))
    // The prediction wrote nothing and shows nothing: the region and prices are the confirmed ones.
    expect(mock.requests.slice(mark).map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /api/checkout/pub/regions?country=BRA&postalCode=22250-040',
      `GET /api/demo/prices?regionId=${RIO}`,
    ])
    expect(result.current.region.regionId).toBeUndefined()
    expect(result.current.prices.data).toBe(before)
    const fetchesBeforeApply = fetched.length
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.segment.data?.regionId).toBe(RIO))
    expect(result.current.prices.data).not.toEqual(before)
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetched).toHaveLength(fetchesBeforeApply)
    // The Session Manager requests a region change makes anyway (PATCH, then the session read), no more.
    expect(mock.requests.slice(mark + 2).map(({ method, path }) => `${method} ${path}`)).toEqual(['PATCH /api/sessions', 'GET /api/sessions?items=*'])
  })

  it('costs only the wasted prefetch when the prediction is wrong: the confirmed segment refetches once', async () => {
    // A regions API that disagrees with the Session Manager.
    server.use(http.get('*/api/checkout/pub/regions', () => HttpResponse.json([{ id: SAO_PAULO, sellers: [] }])))
    const { result, fetched, shown } = await renderStorefront()
    act(() => result.current.prefetch({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(fetched).toContain(`prefetch ${SAO_PAULO}`))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(fetched.filter((entry) => entry.startsWith('confirmed'))).toHaveLength(2))
    await waitFor(() => expect(result.current.prices.isFetching).toBe(false))
    expect(result.current.segment.data?.regionId).toBe(RIO)
    // The São Paulo prices were never shown: every value rendered is the old or the Rio one.
    const rio = result.current.prices.data?.[0]?.price
    expect(new Set(shown.filter((price) => price !== undefined))).toEqual(new Set([shown.find((price) => price !== undefined), rio]))
  })
})
