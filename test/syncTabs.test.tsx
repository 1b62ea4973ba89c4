import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { sessionKeys, useRegion, useSegment, type Session } from '../src/index'
import { createWrapper, sessionRequests, usePricesPerSegment } from './harness'

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

  it('stops listening when the provider unmounts', async () => {
    const first = await openTab()
    const second = await openTab()
    second.unmount()
    await act(() => first.result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const cached = second.queryClient.getQueryData<Session>(sessionKeys.session)
    expect(cached?.namespaces.checkout?.regionId).toBeUndefined()
  })
})
