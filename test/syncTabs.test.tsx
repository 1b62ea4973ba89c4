import { act, renderHook, waitFor } from '@testing-library/react'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { sessionKeys, useRegion, useSegment, type Session } from '../src/index'
import { useProductSearch } from '../src/search/index'
import { createWrapper, mock, server, sessionRequests, usePricesPerSegment } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

/** A tab of the storefront: its own QueryClient and provider, a region picker and prices per segment. */
async function openTab(options: { syncTabs?: boolean } = {}) {
  const priceFetches: string[] = []
  const { wrapper, queryClient } = createWrapper(options)
  const rendered = renderHook(
    () => {
      usePricesPerSegment(priceFetches)
      return { region: useRegion(), segment: useSegment() }
    },
    { wrapper },
  )
  await waitFor(() => expect(priceFetches).toHaveLength(1))
  return { ...rendered, priceFetches, queryClient }
}

const requestLines = (mark: number) => sessionRequests().slice(mark).map(({ method, path }) => `${method} ${path}`)

describe('<SessionProvider syncTabs> (default on)', () => {
  it('brings a write in one tab into the other: region, segment and prices update there, with no request of its own', async () => {
    const first = await openTab()
    const second = await openTab()
    const mark = sessionRequests().length
    await act(() => first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(second.result.current.region.regionId).toBe(RIO))
    expect(second.result.current.region).toMatchObject({ postalCode: '22250-040', country: 'BRA', isPending: false })
    expect(second.result.current.segment.data?.regionId).toBe(RIO)
    await waitFor(() => expect(second.priceFetches).toHaveLength(2))
    expect(second.priceFetches[1]).toContain(RIO)
    // The first tab's write only (PATCH, then the session read back): the second neither reads nor echoes.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(requestLines(mark)).toEqual(['PATCH /api/sessions', 'GET /api/sessions?items=*'])
    expect(first.priceFetches).toHaveLength(2)
    expect(second.priceFetches).toHaveLength(2)
  })

  it('leaves the other tab alone with syncTabs={false}', async () => {
    const first = await openTab({ syncTabs: false })
    const second = await openTab()
    await act(() => first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(second.result.current.region.regionId).toBeUndefined()
    expect(second.priceFetches).toHaveLength(1)
  })

  it('a tab whose provider unmounted for a moment (a route without it) stays in sync while its cache holds the session', async () => {
    const first = await openTab()
    const second = await openTab()
    second.unmount()
    await act(() => first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(second.queryClient.getQueryData<Session>(sessionKeys.session)?.namespaces.checkout?.regionId?.value).toBe(RIO))
    // Back on a route with the provider: the new region at once, from the cache, with no request.
    const mark = sessionRequests().length
    const remounted = renderHook(() => useRegion(), createWrapper({ queryClient: second.queryClient }))
    expect(remounted.result.current.regionId).toBe(RIO)
    await act(() => Promise.resolve())
    expect(requestLines(mark)).toEqual([])
  })

  it('shares a write that settles after its provider unmounted', async () => {
    const first = await openTab()
    const second = await openTab()
    mock.setLatency(({ method }) => (method === 'PATCH' ? 30 : 0))
    let write!: Promise<void>
    act(() => {
      write = first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' })
    })
    first.unmount()
    await write
    await waitFor(() => expect(second.result.current.region.regionId).toBe(RIO))
    expect(second.result.current.segment.data?.regionId).toBe(RIO)
  })

  it('stops listening once the cache forgets the session with no provider mounted', async () => {
    const first = await openTab()
    const second = await openTab()
    second.unmount()
    second.queryClient.removeQueries()
    await act(() => first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(second.queryClient.getQueryData(sessionKeys.session)).toBeUndefined()
  })

  it("a message without a segment (the sending tab reads none): the other tab shows the new region with its segment, never beside the old one, and its prices refetch once", async () => {
    const sender = renderHook(() => useRegion(), createWrapper())
    await waitFor(() => expect(sender.result.current.isLoading).toBe(false))
    const receiver = await openTab()
    const rendered: string[] = []
    const log = renderHook(
      () => {
        const region = useRegion()
        const segment = useSegment()
        const grid = useProductSearch({ count: 12 })
        const results = grid.data ? `${grid.data.products.length} products${grid.isPlaceholderData ? ' (dimmed)' : ''}` : 'Loading…'
        const line = `region ${region.regionId ?? 'none'} · segment ${segment.data ? (segment.data.regionId ?? 'national') : 'none'} · ${results}`
        if (rendered[rendered.length - 1] !== line) rendered.push(line)
      },
      { wrapper: createWrapper({ queryClient: receiver.queryClient }).wrapper },
    )
    await waitFor(() => expect(rendered[rendered.length - 1]).toMatch(/^region none · segment national · \d+ products$/))
    const before = rendered.length
    // The receiving tab's next segment read is answered only once its screen has had time to show the message.
    let answerSegment!: () => void
    const segmentHeld = new Promise<void>((resolve) => (answerSegment = resolve))
    server.use(
      http.get('/api/segments', async ({ request, cookies }) => {
        await segmentHeld
        return mock.respond(request, cookies)
      }, { once: true }),
    )
    await act(() => sender.result.current.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(sessionRequests().some(({ path }) => path === '/api/segments')).toBe(true))
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    answerSegment()
    await waitFor(() => expect(receiver.result.current.segment.data?.regionId).toBe(RIO))
    await waitFor(() => expect(rendered[rendered.length - 1]).toMatch(new RegExp(`^region ${RIO} · segment ${RIO} · \\d+ products$`)))
    // The old results stay, dimmed, while the new region's load: never beside the old segment, never blank.
    expect(rendered.slice(before).map((line) => line.replace(/\d+ products/, 'N products'))).toEqual([
      `region ${RIO} · segment ${RIO} · N products (dimmed)`,
      `region ${RIO} · segment ${RIO} · N products`,
    ])
    expect(receiver.result.current.region.regionId).toBe(RIO)
    await waitFor(() => expect(receiver.priceFetches).toHaveLength(2))
    expect(receiver.priceFetches[1]).toContain(RIO)
    log.unmount()
  })
})
