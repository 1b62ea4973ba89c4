import { useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useRegion, useSegment, usePublicField, useSessionRefresh } from '../src/index'
import { createWrapper, mock, sessionRequests, usePricesPerSegment } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'

function useStorefront(fetches: string[]) {
  return { region: useRegion(), segment: useSegment(), prices: usePricesPerSegment(fetches) }
}

async function renderStorefront(options: Parameters<typeof createWrapper>[0] = {}) {
  const fetches: string[] = []
  const rendered = renderHook(() => useStorefront(fetches), createWrapper(options))
  await waitFor(() => expect(fetches).toHaveLength(1))
  mock.reset()
  return { ...rendered, fetches }
}

describe('useRegion', () => {
  it('says it is loading until the session arrives, with no write pending, and records every state it renders', async () => {
    mock.setLatency(50)
    const states: string[] = []
    const { result } = renderHook(() => {
      const { isLoading, isPending, postalCode, loadError } = useRegion()
      const state = `${isLoading ? 'loading' : 'loaded'} ${isPending ? 'pending' : 'idle'} ${postalCode ?? '-'} ${loadError ? 'failed' : 'ok'}`
      if (states.at(-1) !== state) states.push(state)
      return isLoading
    }, createWrapper())
    await waitFor(() => expect(result.current).toBe(false))
    expect(states).toEqual(['loading idle - ok', 'loaded idle - ok'])
  })

  it("puts the emulator's regionId into useRegion and useSegment and re-prices once, in at most 2 requests", async () => {
    const { result, fetches } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    expect(result.current.region).toMatchObject({ regionId: RIO, postalCode: '22250-040', country: 'BRA', isPending: false, error: null })
    expect(result.current.segment.data?.regionId).toBe(RIO)
    await waitFor(() => expect(fetches).toHaveLength(2))
    expect(fetches[1]).toContain(RIO)
    const requests = sessionRequests()
    expect(requests.length).toBeLessThanOrEqual(2)
    expect(requests[0]).toEqual({
      method: 'PATCH',
      path: '/api/sessions',
      body: { public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } },
    })
    // Nothing else refetches later: exactly one price fetch for the new segment.
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetches).toHaveLength(2)
  })

  it('sends a British postal code intact', async () => {
    const { result } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'GBR', postalCode: 'SE10 0GP' }))
    expect(sessionRequests()[0]?.body).toEqual({ public: { country: { value: 'GBR' }, postalCode: { value: 'SE10 0GP' } } })
    expect(result.current.region.postalCode).toBe('SE10 0GP')
    expect(result.current.region.regionId).toMatch(/^v2\./)
  })

  it('finds the region from coordinates, sent as "longitude,latitude"', async () => {
    const { result } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', geoCoordinates: [-46.63, -23.55] }))
    expect(sessionRequests()[0]?.body).toEqual({
      public: { country: { value: 'BRA' }, geoCoordinates: { value: '-46.63,-23.55' }, postalCode: { value: '' } },
    })
    expect(result.current.region.regionId).toBe(SAO_PAULO)
  })

  it('leaves no region for an unknown postal code, without an error', async () => {
    const { result } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '99999-999' }))
    expect(result.current.region).toMatchObject({ regionId: undefined, postalCode: '99999-999', error: null })
    expect(result.current.segment.data?.regionId).toBeNull()
  })

  it('makes one request (PATCH ?items=*) when nobody reads the segment', async () => {
    const { result } = renderHook(() => useRegion(), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.reset()
    await act(() => result.current.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    expect(sessionRequests().map(({ method, path }) => `${method} ${path}`)).toEqual(['PATCH /api/sessions?items=*'])
    expect(result.current.regionId).toBe(SAO_PAULO)
  })

  it.each([
    ['a postal code that does not fit its country', { country: 'BRA', postalCode: '100' }, /not a valid postal code for BRA/],
    ['a country that is not alpha-3', { country: 'Brazil', postalCode: '22250-040' }, /alpha-3/],
  ])('rejects %s before any request and keeps the region', async (_case, input, message) => {
    const { result } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    mock.reset()
    await act(() => result.current.region.setRegion(input).catch(() => {}))
    expect(result.current.region.error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(message) })
    expect(result.current.region.regionId).toBe(RIO)
    expect(sessionRequests()).toEqual([])
  })
})

describe('useRegion().locate()', () => {
  type Answer = { coords: [longitude: number, latitude: number] } | { code: number; message: string }
  /** A browser whose geolocation answers `answer`, counting how often it was asked. */
  function stubGeolocation(answer: Answer) {
    const asked = vi.fn((onPosition: PositionCallback, onError?: PositionErrorCallback | null) => {
      if ('coords' in answer) {
        const [longitude, latitude] = answer.coords
        onPosition({ coords: { longitude, latitude } } as GeolocationPosition)
      } else onError?.(answer as GeolocationPositionError)
    })
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: asked }, configurable: true })
    return asked
  }
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'geolocation')
  })

  it('sets the region from the device position, as "longitude,latitude", in the session’s country', async () => {
    stubGeolocation({ coords: [-43.18, -22.97] })
    const { result, fetches } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    mock.reset()
    await act(() => result.current.region.locate())
    expect(sessionRequests()[0]).toEqual({
      method: 'PATCH',
      path: '/api/sessions',
      body: { public: { country: { value: 'BRA' }, geoCoordinates: { value: '-43.18,-22.97' }, postalCode: { value: '' } } },
    })
    expect(result.current.region).toMatchObject({ regionId: RIO, postalCode: '', country: 'BRA', error: null })
    await waitFor(() => expect(fetches.at(-1)).toContain(RIO))
  })

  it('takes the country as an argument when the session has none', async () => {
    stubGeolocation({ coords: [-46.63, -23.55] })
    const { result } = await renderStorefront()
    await act(() => result.current.region.locate('bra'))
    expect(result.current.region).toMatchObject({ regionId: SAO_PAULO, country: 'BRA' })
  })

  it('rejects a missing country as invalid-input before asking the shopper anything', async () => {
    const asked = stubGeolocation({ coords: [-46.63, -23.55] })
    const { result } = await renderStorefront()
    await act(() => result.current.region.locate().catch(() => {}))
    expect(result.current.region.error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/alpha-3/) })
    expect(asked).not.toHaveBeenCalled()
    expect(sessionRequests()).toEqual([])
  })

  it.each([
    ['permission denied', 'invalid-input', { code: 1, message: 'User denied Geolocation' }],
    ['position unavailable', 'network', { code: 2, message: 'Position unavailable' }],
    ['a timeout', 'network', { code: 3, message: 'Timeout expired' }],
  ] as const)('turns %s into a typed %s error, with no request, and keeps the region', async (_case, kind, failure) => {
    stubGeolocation(failure)
    const { result } = await renderStorefront()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    mock.reset()
    let caught: unknown
    await act(() => result.current.region.locate().catch((error: unknown) => void (caught = error)))
    expect(caught).toMatchObject({ name: 'SessionError', kind, message: expect.stringContaining(failure.message) })
    expect(result.current.region).toMatchObject({ regionId: RIO, error: caught, isPending: false })
    expect(sessionRequests()).toEqual([])
  })

  it('settles with kind network after 15 s when the browser never calls back (a prompt left open), with no request', async () => {
    // A browser that shows a permission prompt and never answers: its own timeout never starts.
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: vi.fn() }, configurable: true })
    const { result } = await renderStorefront()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      let caught: unknown
      const located = result.current.region.locate('BRA').catch((error: unknown) => void (caught = error))
      await vi.advanceTimersByTimeAsync(14_999)
      expect(caught).toBeUndefined()
      expect(result.current.region.isPending).toBe(true)
      // The 15th second, and React Query's notification ticks after it.
      await vi.advanceTimersByTimeAsync(1)
      await vi.advanceTimersByTimeAsync(20)
      await located
      expect(caught).toMatchObject({ name: 'SessionError', kind: 'network', message: expect.stringContaining('within 15 s') })
    } finally {
      vi.useRealTimers()
    }
    await waitFor(() => expect(result.current.region).toMatchObject({ isPending: false, error: { kind: 'network' } }))
    expect(sessionRequests()).toEqual([])
  })

  it('is a network error where the browser has no geolocation', async () => {
    const { result } = await renderStorefront()
    let caught: unknown
    await act(() => result.current.region.locate('BRA').catch((error: unknown) => void (caught = error)))
    expect(caught).toMatchObject({ name: 'SessionError', kind: 'network', message: expect.stringMatching(/not available/) })
    expect(sessionRequests()).toEqual([])
  })
})

describe('dependentQueries', () => {
  function useCatalog(fetches: number[]) {
    return useQuery({ queryKey: ['catalog', 'shelf'], queryFn: () => fetches.push(Date.now()) })
  }

  it('invalidates them once when the segment changes, and not when it stays the same', async () => {
    const fetches: number[] = []
    const { result } = renderHook(
      () => ({ catalog: useCatalog(fetches), segment: useSegment(), region: useRegion(), favorite: usePublicField('favoriteStore') }),
      createWrapper({ dependentQueries: [['catalog']] }),
    )
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    expect(fetches).toHaveLength(1)
    await act(() => result.current.favorite[1]('store-42'))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetches).toHaveLength(1)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(fetches).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetches).toHaveLength(2)
  })
  it('re-prices them when no component reads the segment: a region change and a refresh each refetch them once', async () => {
    const fetches: number[] = []
    const { result } = renderHook(() => ({ catalog: useCatalog(fetches), region: useRegion(), refresh: useSessionRefresh() }), createWrapper({ dependentQueries: [['catalog']] }))
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    await waitFor(() => expect(fetches).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 30))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(fetches).toHaveLength(2))
    // The server moves the segment by itself (a log-in with a price table): a refresh re-prices them too.
    const { id } = (await (await fetch('/api/sessions?items=*')).json()) as { id: string }
    mock.logIn(id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    await act(() => result.current.refresh.refreshSession())
    await waitFor(() => expect(fetches).toHaveLength(3))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetches).toHaveLength(3)
  })
})
