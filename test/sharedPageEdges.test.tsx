import { dehydrate, type DehydratedState } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, useLocale, useRegionGate, type Segment } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { useSearchContext } from '../src/search/index'
import { createTestQueryClient, mock, usePricesPerSegment } from './harness'
import { Browser } from './sharedPageHarness'

const settle = (ms = 150) => act(() => new Promise((resolve) => setTimeout(resolve, ms)))

async function defaultSharedPage(): Promise<{ state: DehydratedState; page: Segment }> {
  const page = pageSegmentOf(await createSessionClient().getSegment())
  const server = createTestQueryClient()
  fillPageCache(server, { kind: 'shared', segment: page })
  return { state: dehydrate(server), page }
}


describe('a shared page: the stand-in segment’s limits', () => {
  it('a USD shopper on the BRL page, /api/segments down: the search and useLocale both keep the page’s terms', async () => {
    const { state } = await defaultSharedPage()
    await createSessionClient().editSession({ sc: '2' })
    const seen: string[] = []
    function Listing() {
      const context = useSearchContext()
      const { currencyCode } = useLocale()
      seen.push(`search sc=${context?.params.sc} / locale ${currencyCode}`)
      return null
    }
    mock.fail({ kind: 'http', status: 500 }, { times: 10, path: '/api/segments' })
    render(
      <Browser state={state}>
        <Listing />
      </Browser>,
    )
    await waitFor(() => expect(mock.requests.some(({ path }) => path === '/api/sessions?items=*')).toBe(true))
    await settle(300)
    // The channel-1 (BRL) results must not be formatted in the channel-2 currency.
    expect(seen.filter((line) => line.includes('sc=1') && line.includes('USD'))).toEqual([])
  })

  it('the page’s segment outlives garbage collection while the session read waits (offline): the region gate stays ready', async () => {
    const { state } = await defaultSharedPage()
    const seen: string[] = []
    function Page() {
      const { currencyCode } = useLocale()
      const { ready } = useRegionGate()
      seen.push(`${currencyCode}/${ready}`)
      return null
    }
    // gcTime 100 ms stands for the default 5 minutes; the session read hangs as it would offline.
    const queryClient = createTestQueryClient({ gcTime: 100 })
    mock.setLatency(() => 2_000)
    const view = render(
      <Browser state={state} queryClient={queryClient}>
        <Page />
      </Browser>,
    )
    await settle(300)
    view.rerender(
      <Browser state={state} queryClient={queryClient}>
        <Page />
      </Browser>,
    )
    expect(seen[0]).toBe('BRL/true')
    expect(seen.at(-1)).toBe('BRL/true')
  })

  it('a price query keyed by useSegmentKey waits for the shopper’s own segment on a shared page (key shared pages’ prices by the search context)', async () => {
    const shopper = createSessionClient()
    await shopper.getSession()
    const page = pageSegmentOf(await shopper.getSegment())
    const server = createTestQueryClient()
    fillPageCache(server, { kind: 'shared', segment: page })
    const state = dehydrate(server)
    const fetches: string[] = []
    const shown: string[] = []
    function Prices() {
      shown.push(usePricesPerSegment(fetches).data ? 'price' : 'none')
      return null
    }
    render(
      <Browser state={state}>
        <Prices />
      </Browser>,
    )
    await settle(300)
    // useSegmentKey names the shopper's segment, never the page's stand-in: nothing is priced before it is read, then once.
    expect({ first: shown[0], last: shown.at(-1), fetches: fetches.length }).toEqual({ first: 'none', last: 'price', fetches: 1 })
  })
})
