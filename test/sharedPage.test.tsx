import { dehydrate, useQuery, type DehydratedState } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, useSegment, useSegmentKey, useSessionSource, type Segment } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { createTestQueryClient, mock } from './harness'
import { Browser } from './sharedPageHarness'

let browserFrom = 0
const sessionRequests = () => mock.requests.slice(browserFrom).filter((request) => request.path.startsWith('/api/'))

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)))

/**
 * A returning anonymous shopper (cookies set) gets the shared page of their own segment:
 * the server fills the segment alone (fillPageCache), prefetches a price query, dehydrates.
 */
async function sharedPageOfShopper(): Promise<{ state: DehydratedState; page: Segment }> {
  const shopper = createSessionClient()
  await shopper.getSession()
  const page = pageSegmentOf(await shopper.getSegment())
  const server = createTestQueryClient()
  fillPageCache(server, { kind: 'shared', segment: page })
  await server.prefetchQuery({ queryKey: ['prices'], queryFn: () => ({ price: 10 }) })
  const state = dehydrate(server)
  browserFrom = mock.requests.length // from here on, only the browser's requests count
  return { state, page }
}


describe('a shared page hydrated from its segment alone', () => {
  it('is an opt-in: without sharedPages the provider ignores a hydrated page segment (its code is not in the app)', async () => {
    const { state } = await sharedPageOfShopper()
    const first: Array<string | undefined> = []
    function Reader() {
      first.push(useSegment().data?.currencyCode ?? undefined)
      return null
    }
    render(
      <Browser state={state} sharedPages={undefined}>
        <Reader />
      </Browser>,
    )
    expect(first[0]).toBeUndefined()
    await waitFor(() => expect(first.at(-1)).toBe('BRL'))
  })

  it('does not re-price when the shopper’s segment is the one the page was priced with (segment key and dependentQueries)', async () => {
    const { state } = await sharedPageOfShopper()
    const keys: Array<string | undefined> = []
    let priceFetches = 0
    function Prices() {
      keys.push(useSegmentKey())
      useQuery({ queryKey: ['prices'], queryFn: () => (priceFetches++, { price: 10 }), staleTime: Infinity })
      return null
    }
    render(
      <Browser state={state} dependentQueries={[['prices']]}>
        <Prices />
      </Browser>,
    )
    await waitFor(() => expect(sessionRequests().map(({ path }) => path)).toContain('/api/segments'))
    await settle()
    // Same key fields (channel, locale, region, price tables…): nothing to re-price.
    expect({ distinctKeys: new Set(keys.filter(Boolean)).size, priceFetches }).toEqual({ distinctKeys: 1, priceFetches: 0 })
  })

  it.each([
    ['staleTime: Infinity on the provider', { staleTime: Infinity }, createTestQueryClient],
    ['refetchOnMount turned off by the app (a common SSR default)', {}, () => createTestQueryClient({ refetchOnMount: false })],
  ])('reads the shopper’s segment after the session whatever the app’s query options: %s', async (_, props, makeQueryClient) => {
    const { state } = await sharedPageOfShopper()
    const seen: Array<Segment | undefined> = []
    function Reader() {
      seen.push(useSegment().data)
      return null
    }
    render(
      <Browser state={state} queryClient={makeQueryClient()} {...props}>
        <Reader />
      </Browser>,
    )
    await waitFor(() => expect(sessionRequests().map(({ path }) => path)).toContain('/api/sessions?items=*'))
    await settle()
    expect(sessionRequests().map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    // The shopper's own segment (the page's has no currencySymbol).
    expect(seen.at(-1)?.currencySymbol).toBe('R$')
  })

  it('never confirms the shopper’s session beside the page’s segment (session and segment describe one server state)', async () => {
    const { state, page } = await sharedPageOfShopper()
    const mixed: string[] = []
    function Watcher() {
      const { confirmedSession, confirmedSegment, queryClient } = useSessionSource()
      // Look at every cache update, as useConfirmedState does.
      queryClient.getQueryCache().subscribe(({ type }) => {
        if (type !== 'updated') return
        const session = confirmedSession()
        const segment = confirmedSegment()
        if (session && segment && JSON.stringify(segment) === JSON.stringify(page)) mixed.push(session.id)
      })
      useSegment()
      return null
    }
    mock.setLatency(({ path }) => (path.startsWith('/api/segments') ? 50 : 0))
    render(
      <Browser state={state}>
        <Watcher />
      </Browser>,
    )
    await waitFor(() => expect(sessionRequests().map(({ path }) => path)).toContain('/api/segments'))
    await settle()
    expect(mixed).toEqual([])
  })
})
